import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { formProblem, inlineFields } from '../registry/formErrors';
import { formatDate, yesNo } from '../registry/format';
import { CheckboxField, NumberField, TextAreaField } from '../registry/RegistryFields';
import {
  allRoundsQuery,
  eventLabels,
  refusedFindings,
  returnStatusTagClass,
  statusLabels,
  useApproveCensusReturnMutation,
  useCensusChecksQuery,
  useCensusReturnQuery,
  useCensusRoundsQuery,
  useReopenCensusReturnMutation,
  useReturnCensusReturnMutation,
  useSaveCensusReturnMutation,
  useSubmitCensusReturnMutation,
  type CensusFigures,
  type CensusReturnDetail,
} from './censusApi';
import { CountsTables, FindingsList } from './CensusParts';
import '../registry/registry.css';
import './census.css';

type CountField =
  | 'classroomsUsable'
  | 'classroomsUnusable'
  | 'desks'
  | 'toiletsMale'
  | 'toiletsFemale'
  | 'toiletsShared'
  | 'textbooks'
  | 'volunteerTeachers';
type FlagField = 'hasWater' | 'hasElectricity' | 'hasInternet';

/** The figures a school enters, with the upper bounds the server accepts. */
const countFields: { name: CountField; label: string; max: number; hint?: string }[] = [
  { name: 'classroomsUsable', label: 'Usable classrooms', max: 10_000 },
  { name: 'classroomsUnusable', label: 'Unusable classrooms', max: 10_000 },
  { name: 'desks', label: 'Desks', max: 1_000_000 },
  { name: 'toiletsMale', label: 'Toilets for boys and men', max: 10_000 },
  { name: 'toiletsFemale', label: 'Toilets for girls and women', max: 10_000 },
  { name: 'toiletsShared', label: 'Shared toilets', max: 10_000 },
  { name: 'textbooks', label: 'Textbooks', max: 10_000_000 },
  {
    name: 'volunteerTeachers',
    label: 'Volunteer teachers',
    max: 10_000,
    hint: 'Teachers paid by parents or the community, who are not in the staff registry.',
  },
];

const flagFields: { name: FlagField; label: string }[] = [
  { name: 'hasWater', label: 'Safe drinking water' },
  { name: 'hasElectricity', label: 'Electricity' },
  { name: 'hasInternet', label: 'Internet access' },
];

const figureFieldPaths = [...countFields, ...flagFields, { name: 'remarks' }].map((f) => `figures.${f.name}`);

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Summary({ censusReturn }: { censusReturn: CensusReturnDetail }) {
  const { data: rounds } = useCensusRoundsQuery(allRoundsQuery);
  const round = rounds?.items.find((r) => r.id === censusReturn.roundId);
  return (
    <section aria-labelledby="summary-heading" className="panel">
      <h2 id="summary-heading">Return</h2>
      <dl className="summary">
        <Row term="Institution">
          <Link to={`/registry/institutions/${encodeURIComponent(censusReturn.institutionId)}`}>
            {censusReturn.institutionName} ({censusReturn.institutionCode})
          </Link>
        </Row>
        <Row term="Census round">{round ? `${round.name} (due ${formatDate(round.deadline)})` : '…'}</Row>
        <Row term="Status">
          <span className={returnStatusTagClass(censusReturn.status)}>{statusLabels[censusReturn.status]}</span>
        </Row>
        <Row term="Started">{formatDateTime(censusReturn.createdAt)}</Row>
        <Row term="Submitted">{formatDateTime(censusReturn.submittedAt)}</Row>
        <Row term="Reviewed">{formatDateTime(censusReturn.reviewedAt)}</Row>
      </dl>
      {censusReturn.locked ? (
        <p>
          <strong>This return is approved and locked:</strong> its figures can no longer be changed. A national census
          manager can reopen it.
        </p>
      ) : null}
    </section>
  );
}

function FiguresView({ figures }: { figures: CensusFigures }) {
  return (
    <dl className="summary">
      {countFields.map((f) => (
        <Row key={f.name} term={f.label}>
          {figures[f.name]}
        </Row>
      ))}
      {flagFields.map((f) => (
        <Row key={f.name} term={f.label}>
          {yesNo(figures[f.name])}
        </Row>
      ))}
      <Row term="Remarks">{figures.remarks ?? '—'}</Row>
    </dl>
  );
}

/** The figures the registry cannot derive, edited while the return is a draft or returned. */
function FiguresForm({ censusReturn, onSaved }: { censusReturn: CensusReturnDetail; onSaved: () => void }) {
  const [save, { error, isLoading }] = useSaveCensusReturnMutation();
  const figures = censusReturn.figures;
  const [counts, setCounts] = useState<Record<CountField, string>>(
    () => Object.fromEntries(countFields.map((f) => [f.name, String(figures[f.name])])) as Record<CountField, string>,
  );
  const [flags, setFlags] = useState<Record<FlagField, boolean>>({
    hasWater: figures.hasWater,
    hasElectricity: figures.hasElectricity,
    hasInternet: figures.hasInternet,
  });
  const [remarks, setRemarks] = useState(figures.remarks ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(error);
  const errors = { ...(Object.keys(clientErrors).length > 0 ? {} : problem?.fieldErrors), ...clientErrors };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    const values = {} as Record<CountField, number>;
    for (const field of countFields) {
      const text = counts[field.name].trim();
      if (!/^\d+$/.test(text) || Number(text) > field.max) {
        found[`figures.${field.name}`] = [`Enter a whole number from 0 to ${field.max.toLocaleString('en-GB')}.`];
      } else {
        values[field.name] = Number(text);
      }
    }
    if (remarks.trim().length > 2000) found['figures.remarks'] = ['At most 2000 characters.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await save({
      id: censusReturn.id,
      version: censusReturn.version,
      figures: { ...values, ...flags, remarks: remarks.trim() ? remarks.trim() : null },
    });
    if ('data' in result) onSaved();
  }

  return (
    <>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, figureFieldPaths)} />
      )}
      <form onSubmit={submit} noValidate className="form" aria-labelledby="figures-heading">
        <div className="registry-columns">
          {countFields.map((f) => (
            <NumberField
              key={f.name}
              label={f.label}
              name={f.name}
              inputMode="numeric"
              hint={f.hint}
              value={counts[f.name]}
              onChange={(e) => setCounts({ ...counts, [f.name]: e.target.value })}
              errors={errors[`figures.${f.name}`]}
            />
          ))}
        </div>
        {flagFields.map((f) => (
          <CheckboxField
            key={f.name}
            label={f.label}
            name={f.name}
            checked={flags[f.name]}
            onChange={(e) => setFlags({ ...flags, [f.name]: e.target.checked })}
            errors={errors[`figures.${f.name}`]}
          />
        ))}
        <TextAreaField
          label="Remarks"
          name="remarks"
          hint="Explain anything unusual, such as a large change in enrolment since last year."
          value={remarks}
          onChange={(e) => setRemarks(e.target.value)}
          errors={errors['figures.remarks']}
        />
        <button type="submit" className="button" disabled={isLoading}>
          Save figures
        </button>
      </form>
    </>
  );
}

/** Runs the data-quality checks on the saved figures and the registry now, without saving anything. */
function ChecksSection({ censusReturn }: { censusReturn: CensusReturnDetail }) {
  const [requested, setRequested] = useState(false);
  const { data, error, isFetching, refetch } = useCensusChecksQuery(censusReturn.id, { skip: !requested });
  return (
    <section aria-labelledby="checks-heading" className="panel">
      <h2 id="checks-heading">Data-quality checks</h2>
      <p>
        The checks look at the saved figures and the institution's learner and staff records. Blockers must be fixed
        before the return can be submitted; warnings go to the reviewer with it.
      </p>
      <p>
        <button
          type="button"
          className="button button--secondary"
          disabled={isFetching}
          onClick={() => (requested ? void refetch() : setRequested(true))}
        >
          {requested ? 'Run the checks again' : 'Run the checks'}
        </button>
      </p>
      <div aria-live="polite">
        {isFetching ? <p>Running the checks…</p> : null}
        {!isFetching && data ? (
          <p>
            <strong>
              {data.canSubmit
                ? 'The return can be submitted.'
                : 'The return cannot be submitted until the blockers are fixed.'}
            </strong>
          </p>
        ) : null}
      </div>
      <ProblemAlert problem={toProblem(error)} />
      {data && !isFetching ? <FindingsList findings={data.findings} /> : null}
      {data && !isFetching ? (
        <details>
          <summary>Counts the registry gives now</summary>
          <CountsTables counts={data.counts} caption="Counts now" />
        </details>
      ) : null}
    </section>
  );
}

function SubmitSection({ censusReturn, onDone }: { censusReturn: CensusReturnDetail; onDone: (m: string) => void }) {
  const [submitReturn, { error, isLoading }] = useSubmitCensusReturnMutation();
  const [comment, setComment] = useState('');
  const [clientError, setClientError] = useState<string[] | undefined>();
  const findings = refusedFindings(error);
  const problem = formProblem(error);

  async function run(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (comment.trim().length > 4000) {
      setClientError(['At most 4000 characters.']);
      return;
    }
    setClientError(undefined);
    const result = await submitReturn({ id: censusReturn.id, comment: comment.trim() ? comment.trim() : null });
    if ('data' in result) onDone('The return has been submitted for review.');
  }

  return (
    <section aria-labelledby="submit-heading" className="panel">
      <h2 id="submit-heading">Submit for review</h2>
      {findings ? (
        <div className="alert" role="alert">
          <p className="alert__title">{problem?.title ?? 'The return cannot be submitted.'}</p>
          <FindingsList findings={findings} headingLevel={3} />
        </div>
      ) : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['comment'])} />
      )}
      <form onSubmit={run} noValidate className="form" aria-labelledby="submit-heading">
        <TextAreaField
          label="Comment for the reviewer"
          name="comment"
          hint="Optional."
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          errors={clientError ?? problem?.fieldErrors.comment}
        />
        <button type="submit" className="button" disabled={isLoading}>
          Submit the return
        </button>
      </form>
    </section>
  );
}

/** The district's review: approve (locks the return), or return it to the school with a required comment. */
function ReviewSection({ censusReturn, onDone }: { censusReturn: CensusReturnDetail; onDone: (m: string) => void }) {
  const [approve, approveState] = useApproveCensusReturnMutation();
  const [sendBack, returnState] = useReturnCensusReturnMutation();
  const [last, setLast] = useState<'approve' | 'return' | null>(null);
  const [comment, setComment] = useState('');
  const [clientError, setClientError] = useState<string[] | undefined>();
  const state = last === 'approve' ? approveState : last === 'return' ? returnState : undefined;
  const problem = formProblem(state?.error);
  const busy = approveState.isLoading || returnState.isLoading;

  async function runApprove() {
    setLast('approve');
    if (comment.trim().length > 4000) {
      setClientError(['At most 4000 characters.']);
      return;
    }
    setClientError(undefined);
    const result = await approve({ id: censusReturn.id, comment: comment.trim() ? comment.trim() : null });
    if ('data' in result) onDone('The return has been approved and is now locked.');
  }

  async function runReturn() {
    setLast('return');
    if (!comment.trim()) {
      setClientError(['Say what the school should correct.']);
      return;
    }
    if (comment.trim().length > 4000) {
      setClientError(['At most 4000 characters.']);
      return;
    }
    setClientError(undefined);
    const result = await sendBack({ id: censusReturn.id, comment: comment.trim() });
    if ('data' in result) onDone('The return has been sent back to the school for correction.');
  }

  return (
    <section aria-labelledby="review-heading" className="panel">
      <h2 id="review-heading">Review</h2>
      <p>Check the figures, the derived counts and the warnings below, then approve the return or send it back.</p>
      {clientError ? null : <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['comment'])} />}
      <form onSubmit={(e) => e.preventDefault()} noValidate className="form" aria-labelledby="review-heading">
        <TextAreaField
          label="Review comment"
          name="comment"
          hint="Optional when approving. Required when returning the return: say what the school should correct."
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          errors={clientError ?? problem?.fieldErrors.comment}
        />
        <div className="registry-actions">
          <ConfirmButton
            label="Approve"
            question="Approve this return? It will be locked, and its figures will update the institution's record."
            confirmLabel="Yes, approve"
            disabled={busy}
            onConfirm={() => void runApprove()}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy}
            onClick={() => void runReturn()}
          >
            Return to the school
          </button>
        </div>
      </form>
    </section>
  );
}

/** A national census manager reopens an approved return, giving the reason. */
function ReopenSection({ censusReturn, onDone }: { censusReturn: CensusReturnDetail; onDone: (m: string) => void }) {
  const [reopen, { error, isLoading }] = useReopenCensusReturnMutation();
  const [reason, setReason] = useState('');
  const [clientError, setClientError] = useState<string[] | undefined>();
  const problem = formProblem(error);

  async function run() {
    if (!reason.trim()) {
      setClientError(['Give the reason for reopening an approved return.']);
      return;
    }
    if (reason.trim().length > 4000) {
      setClientError(['At most 4000 characters.']);
      return;
    }
    setClientError(undefined);
    const result = await reopen({ id: censusReturn.id, comment: reason.trim() });
    if ('data' in result) onDone('The return has been reopened; the school can correct it and submit it again.');
  }

  return (
    <section aria-labelledby="reopen-heading" className="panel">
      <h2 id="reopen-heading">Reopen the return</h2>
      {clientError ? null : <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['comment'])} />}
      <form onSubmit={(e) => e.preventDefault()} noValidate className="form" aria-labelledby="reopen-heading">
        <TextAreaField
          label="Reason for reopening"
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={clientError ?? problem?.fieldErrors.comment}
        />
        <ConfirmButton
          label="Reopen"
          question="Reopen this approved return? It goes back to the school as returned."
          confirmLabel="Yes, reopen"
          danger
          disabled={isLoading}
          onConfirm={() => void run()}
        />
      </form>
    </section>
  );
}

function History({ censusReturn }: { censusReturn: CensusReturnDetail }) {
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">History and comments</h2>
      <TableWrap label="History table">
        <table>
          <caption className="visually-hidden">History of the return, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {censusReturn.history.map((event, index) => (
              <tr key={`${event.at}-${index}`}>
                <td className="nowrap">{formatDateTime(event.at)}</td>
                <td>{eventLabels[event.action] ?? event.action}</td>
                <td className="wrap">{event.comment ?? <span className="muted">None</span>}</td>
              </tr>
            ))}
            {censusReturn.history.length === 0 ? (
              <tr>
                <td colSpan={3}>Nothing recorded yet.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

export function CensusReturnPage() {
  const { id = '' } = useParams();
  const { data: me } = useMeQuery();
  const { data: censusReturn, error, isLoading } = useCensusReturnQuery(id);
  const [message, setMessage] = useState<string | null>(null);
  const editable = censusReturn ? censusReturn.status === 'Draft' || censusReturn.status === 'Returned' : false;
  const canSubmit = hasPermission(me, 'census.submit');
  const canReview = hasPermission(me, 'census.review');
  const canManage = hasPermission(me, 'census.manage');
  const title = censusReturn
    ? `Census return: ${censusReturn.institutionName}`
    : isLoading
      ? 'Census return'
      : 'Census return not found';

  return (
    <Page title={title}>
      <p>
        <Link to="/census/returns">Back to the census returns</Link>
      </p>
      {isLoading ? <p role="status">Loading…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {censusReturn ? (
        <>
          <Summary censusReturn={censusReturn} />
          <section aria-labelledby="figures-heading" className="panel">
            <h2 id="figures-heading">Figures reported by the school</h2>
            {editable && canSubmit ? (
              <FiguresForm
                key={`${censusReturn.id}-${censusReturn.version}`}
                censusReturn={censusReturn}
                onSaved={() => setMessage('Figures saved.')}
              />
            ) : (
              <FiguresView figures={censusReturn.figures} />
            )}
          </section>
          {editable ? <ChecksSection key={censusReturn.id} censusReturn={censusReturn} /> : null}
          {editable && canSubmit ? (
            <SubmitSection key={`submit-${censusReturn.version}`} censusReturn={censusReturn} onDone={setMessage} />
          ) : null}
          {censusReturn.status === 'Submitted' && canReview ? (
            <ReviewSection key={`review-${censusReturn.version}`} censusReturn={censusReturn} onDone={setMessage} />
          ) : null}
          {censusReturn.status === 'Approved' && canManage ? (
            <ReopenSection key={`reopen-${censusReturn.version}`} censusReturn={censusReturn} onDone={setMessage} />
          ) : null}
          {censusReturn.submittedAt ? (
            <section aria-labelledby="frozen-heading" className="panel">
              <h2 id="frozen-heading">At the last submission</h2>
              <p>
                The counts derived from the registry and the findings of the checks, frozen when the return was
                submitted on {formatDateTime(censusReturn.submittedAt)}.
              </p>
              <h3>Findings</h3>
              <FindingsList
                findings={censusReturn.findings}
                headingLevel={4}
                emptyText="The checks found no problems."
              />
              <CountsTables counts={censusReturn.counts} caption="Counts at submission" />
            </section>
          ) : null}
          <History censusReturn={censusReturn} />
        </>
      ) : null}
    </Page>
  );
}
