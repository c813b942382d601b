import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { EnrolmentsSection } from './EnrolmentsSection';
import { formProblem, inlineFields } from './formErrors';
import { blankToNull, formatDate, label, statusTagClass, yesNo } from './format';
import {
  useCloseInstitutionMutation,
  useInstitutionChangesQuery,
  useInstitutionQuery,
  useMergeInstitutionMutation,
  useReopenInstitutionMutation,
  type InstitutionDetail,
} from './institutionsApi';
import { InstitutionSelect } from './InstitutionSelect';
import { InstitutionLink } from './Names';
import { DateField, TextAreaField } from './RegistryFields';
import { useLevelsQuery } from './structureApi';
import './registry.css';

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Summary({ institution }: { institution: InstitutionDetail }) {
  const { data: levels } = useLevelsQuery();
  const levelName = (code: string) => levels?.find((l) => l.code === code)?.name ?? code;
  return (
    <section aria-labelledby="summary-heading" className="panel">
      <h2 id="summary-heading">Institution</h2>
      <dl className="summary">
        <Row term="Code">{institution.code}</Row>
        <Row term="Type">{label(institution.type)}</Row>
        <Row term="Ownership">{label(institution.ownership)}</Row>
        <Row term="Status">
          <span className={statusTagClass(institution.status)}>{institution.status}</span>
          {institution.status !== 'Open' && institution.statusChangedOn ? (
            <> since {formatDate(institution.statusChangedOn)}</>
          ) : null}
          {institution.statusReason ? <> — {institution.statusReason}</> : null}
        </Row>
        {institution.successorId ? (
          <Row term="Merged into">
            <InstitutionLink id={institution.successorId} />
          </Row>
        ) : null}
        {institution.predecessors.length > 0 ? (
          <Row term="Merged into this one">
            <ul className="plain-list">
              {institution.predecessors.map((id) => (
                <li key={id}>
                  <InstitutionLink id={id} />
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
        <Row term="Levels offered">
          {institution.levels.length > 0 ? institution.levels.map(levelName).join(', ') : 'None recorded'}
        </Row>
        <Row term="Shifts">{institution.shift}</Row>
        <Row term="Registered">{formatDateTime(institution.createdAt)}</Row>
      </dl>
    </section>
  );
}

function LocationAndContact({ institution }: { institution: InstitutionDetail }) {
  const hasPoint = institution.latitude !== null && institution.longitude !== null;
  return (
    <section aria-labelledby="location-heading" className="panel">
      <h2 id="location-heading">Location and contact</h2>
      <dl className="summary">
        <Row term="Area">{institution.areaName || '—'}</Row>
        <Row term="Coordinates">
          {hasPoint ? `${institution.latitude}, ${institution.longitude} (latitude, longitude)` : 'Not recorded'}
        </Row>
        <Row term="Address">{institution.address ?? '—'}</Row>
        <Row term="Phone">{institution.phone ?? '—'}</Row>
        <Row term="Email address">{institution.email ?? '—'}</Row>
      </dl>
    </section>
  );
}

function InfrastructureSummary({ institution }: { institution: InstitutionDetail }) {
  const i = institution.infrastructure;
  return (
    <section aria-labelledby="infrastructure-heading" className="panel">
      <h2 id="infrastructure-heading">Infrastructure</h2>
      <dl className="summary">
        <Row term="Usable classrooms">{i.classroomsUsable}</Row>
        <Row term="Unusable classrooms">{i.classroomsUnusable}</Row>
        <Row term="Toilets for boys and men">{i.toiletsMale}</Row>
        <Row term="Toilets for girls and women">{i.toiletsFemale}</Row>
        <Row term="Shared toilets">{i.toiletsShared}</Row>
        <Row term="Safe drinking water">{yesNo(i.hasWater)}</Row>
        <Row term="Electricity">{yesNo(i.hasElectricity)}</Row>
        <Row term="Internet access">{yesNo(i.hasInternet)}</Row>
      </dl>
    </section>
  );
}

type StatusAction = 'close' | 'merge' | 'reopen';

/** One status change (close, merge into another, reopen), confirmed before it is sent. */
function StatusChangeForm({
  institution,
  action,
  onDone,
}: {
  institution: InstitutionDetail;
  action: StatusAction;
  onDone: (message: string) => void;
}) {
  const [close, closeState] = useCloseInstitutionMutation();
  const [merge, mergeState] = useMergeInstitutionMutation();
  const [reopen, reopenState] = useReopenInstitutionMutation();
  const state = { close: closeState, merge: mergeState, reopen: reopenState }[action];
  const [reason, setReason] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [successorId, setSuccessorId] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(state.error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };
  const headingId = `${action}-heading`;
  const texts = {
    close: {
      heading: 'Close the institution',
      button: 'Close institution',
      question: `Close ${institution.name}? Its record and history are kept, and it can be reopened.`,
      confirm: 'Yes, close',
      done: `${institution.name} has been closed.`,
    },
    merge: {
      heading: 'Merge into another institution',
      button: 'Merge institution',
      question: `Merge ${institution.name} into the chosen institution? It will be marked as merged.`,
      confirm: 'Yes, merge',
      done: `${institution.name} has been merged.`,
    },
    reopen: {
      heading: 'Reopen the institution',
      button: 'Reopen institution',
      question: `Reopen ${institution.name}?`,
      confirm: 'Yes, reopen',
      done: `${institution.name} has been reopened.`,
    },
  }[action];

  async function run() {
    state.reset();
    const found: Record<string, string[]> = {};
    if (!reason.trim()) found.reason = ['Give the reason.'];
    if (action === 'merge' && !successorId) found.successorId = ['Choose the institution it merges into.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const base = { id: institution.id, reason: reason.trim(), version: institution.version };
    const result =
      action === 'close'
        ? await close({ ...base, effectiveOn: blankToNull(effectiveOn) })
        : action === 'merge'
          ? await merge({ ...base, effectiveOn: blankToNull(effectiveOn), successorId })
          : await reopen(base);
    if ('data' in result) onDone(texts.done);
  }

  return (
    <section className="registry-subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>{texts.heading}</h3>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['reason', 'effectiveOn', 'successorId'])} />
      )}
      <form onSubmit={(e) => e.preventDefault()} noValidate className="form" aria-labelledby={headingId}>
        {action === 'merge' ? (
          <InstitutionSelect
            label="Successor institution"
            name="successorId"
            value={successorId}
            onChange={setSuccessorId}
            emptyLabel="Choose the institution it merges into"
            status="Open"
            exclude={institution.id}
            errors={errors.successorId}
          />
        ) : null}
        <TextAreaField
          label="Reason"
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={errors.reason}
        />
        {action !== 'reopen' ? (
          <DateField
            label="Effective from"
            name="effectiveOn"
            hint="Leave empty for today."
            value={effectiveOn}
            onChange={(e) => setEffectiveOn(e.target.value)}
            errors={errors.effectiveOn}
          />
        ) : null}
        <ConfirmButton
          label={texts.button}
          question={texts.question}
          confirmLabel={texts.confirm}
          danger={action !== 'reopen'}
          disabled={state.isLoading}
          onConfirm={() => void run()}
        />
      </form>
    </section>
  );
}

function StatusSection({ institution, canManage }: { institution: InstitutionDetail; canManage: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<StatusAction | null>(null);
  const actions: { action: StatusAction; text: string }[] =
    institution.status === 'Open'
      ? [
          { action: 'close', text: 'Close…' },
          { action: 'merge', text: 'Merge into another…' },
        ]
      : [{ action: 'reopen', text: 'Reopen…' }];
  const shown = actions.some((a) => a.action === open) ? open : null;

  function done(text: string) {
    setOpen(null);
    setMessage(text);
  }

  return (
    <section aria-labelledby="status-heading" className="panel">
      <h2 id="status-heading">Status history</h2>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {institution.history.length === 0 ? (
        <p>The institution has been open since it was registered.</p>
      ) : (
        <TableWrap label="Status history table">
          <table>
            <caption className="visually-hidden">Status changes of {institution.name}, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Effective</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Merged into</th>
                <th scope="col">Reason</th>
                <th scope="col">Recorded</th>
              </tr>
            </thead>
            <tbody>
              {institution.history.map((change) => (
                <tr key={`${change.changedAt}-${change.to}`}>
                  <td className="nowrap">{formatDate(change.effectiveOn)}</td>
                  <td>{change.from}</td>
                  <td>{change.to}</td>
                  <td>{change.successorId ? <InstitutionLink id={change.successorId} /> : '—'}</td>
                  <td className="wrap">{change.reason}</td>
                  <td className="nowrap">{formatDateTime(change.changedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {canManage ? (
        <>
          <div className="registry-actions">
            {actions.map(({ action, text }) => (
              <button
                key={action}
                type="button"
                className="button button--secondary"
                aria-expanded={shown === action}
                onClick={() => {
                  setMessage(null);
                  setOpen(shown === action ? null : action);
                }}
              >
                {text}
              </button>
            ))}
          </div>
          {shown ? (
            <StatusChangeForm
              key={`${shown}-${institution.version}`}
              institution={institution}
              action={shown}
              onDone={done}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function describeChanges(changes: string | null): string {
  if (!changes) return '';
  try {
    return JSON.stringify(JSON.parse(changes), null, 2);
  } catch {
    return changes;
  }
}

function ChangeLog({ institution }: { institution: InstitutionDetail }) {
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useInstitutionChangesQuery({ id: institution.id, page, pageSize: 10 });
  return (
    <section aria-labelledby="changes-heading" className="panel">
      <h2 id="changes-heading">Change log</h2>
      <ProblemAlert problem={toProblem(error)} />
      <TableWrap label="Change log table" busy={isFetching}>
        <table>
          <caption className="visually-hidden">Changes to {institution.name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((change) => {
              const text = describeChanges(change.changes);
              return (
                <tr key={change.sequence}>
                  <td className="nowrap">{formatDateTime(change.at)}</td>
                  <td className="wrap">{change.actor ?? <span className="muted">System</span>}</td>
                  <td className="nowrap">{change.action}</td>
                  <td>
                    {text ? (
                      <details>
                        <summary>Show changes</summary>
                        <pre>{text}</pre>
                      </details>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                </tr>
              );
            })}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={4}>No changes recorded.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {data && data.total > data.pageSize ? (
        <Pagination label="Change log pages" data={data} onPageChange={setPage} />
      ) : null}
    </section>
  );
}

export function InstitutionDetailPage() {
  const { id = '' } = useParams();
  const { data: me } = useMeQuery();
  const { data: institution, error, isLoading } = useInstitutionQuery(id);
  const canManage = hasPermission(me, 'institutions.manage');

  return (
    <Page title={institution ? institution.name : isLoading ? 'Institution' : 'Institution not found'}>
      <p>
        <Link to="/registry/institutions">Back to institutions</Link>
      </p>
      {isLoading ? <p role="status">Loading…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {institution ? (
        <>
          {canManage ? (
            <p>
              <Link className="button" to={`/registry/institutions/${encodeURIComponent(institution.id)}/edit`}>
                Edit details
              </Link>
            </p>
          ) : null}
          <Summary institution={institution} />
          <LocationAndContact institution={institution} />
          <InfrastructureSummary institution={institution} />
          <StatusSection institution={institution} canManage={canManage} />
          {hasPermission(me, 'learners.read') ? <EnrolmentsSection institution={institution} /> : null}
          <ChangeLog institution={institution} />
        </>
      ) : null}
    </Page>
  );
}
