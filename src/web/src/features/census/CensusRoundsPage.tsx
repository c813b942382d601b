import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { errorsAt, formProblem, inlineFields } from '../registry/formErrors';
import { formatDate } from '../registry/format';
import { DateField } from '../registry/RegistryFields';
import { useAcademicYearsQuery } from '../registry/structureApi';
import {
  useCensusProgressQuery,
  useCensusRoundsQuery,
  useCreateCensusRoundMutation,
  useUpdateCensusRoundMutation,
  type CensusRound,
} from './censusApi';
import '../registry/registry.css';
import './census.css';

const pageSize = 10;

const roundFields = ['academicYearId', 'name', 'opensOn', 'deadline', 'reminderDays'];

/** "14 7 1" → [14, 7, 1]; undefined when a part is not a whole number from 0 to 365. */
function parseReminderDays(text: string): number[] | undefined {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 365)) return undefined;
  return parts.map(Number);
}

/** Opens a round (no round given) or changes one; the academic year of a round cannot change. */
function RoundForm({
  round,
  onDone,
  onCancel,
}: {
  round?: CensusRound;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const headingId = useId();
  const { data: years } = useAcademicYearsQuery();
  const [create, createState] = useCreateCensusRoundMutation();
  const [update, updateState] = useUpdateCensusRoundMutation();
  const state = round ? updateState : createState;
  const [academicYearId, setAcademicYearId] = useState(round?.academicYearId ?? '');
  const [name, setName] = useState(round?.name ?? '');
  const [opensOn, setOpensOn] = useState(round?.opensOn ?? '');
  const [deadline, setDeadline] = useState(round?.deadline ?? '');
  const [reminders, setReminders] = useState(round ? round.reminderDays.join(' ') : '');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(state.error);
  const serverErrors = Object.keys(clientErrors).length > 0 ? {} : (problem?.fieldErrors ?? {});
  const errors = { ...serverErrors, ...clientErrors };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!academicYearId) found.academicYearId = ['Choose the academic year.'];
    if (!name.trim()) found.name = ['Enter a name.'];
    else if (name.trim().length > 200) found.name = ['At most 200 characters.'];
    if (!opensOn) found.opensOn = ['Enter the day the census opens.'];
    if (!deadline) found.deadline = ['Enter the deadline.'];
    else if (opensOn && deadline < opensOn) found.deadline = ['The deadline cannot be before the census opens.'];
    const days = reminders.trim() ? parseReminderDays(reminders) : null;
    if (days === undefined) found.reminderDays = ['Enter whole numbers of days from 0 to 365, separated by spaces.'];
    else if (days && days.length > 10) found.reminderDays = ['At most 10 reminder days.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const fields = { academicYearId, name: name.trim(), opensOn, deadline, reminderDays: days ?? null };
    const result = round ? await update({ ...fields, id: round.id, version: round.version }) : await create(fields);
    if ('data' in result && result.data) {
      onDone(round ? `Saved: ${result.data.name}.` : `${result.data.name} has been opened.`);
    }
  }

  const yearName = years?.find((y) => y.id === round?.academicYearId)?.name ?? round?.academicYearCode;

  return (
    <section className="registry-subpanel" aria-labelledby={headingId}>
      <h2 id={headingId}>{round ? `Change ${round.name}` : 'Open a census round'}</h2>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, roundFields)} />
      )}
      <form onSubmit={submit} noValidate className="form" aria-labelledby={headingId}>
        {round ? (
          <p>
            Academic year: <strong>{yearName}</strong> (a round stays with its academic year)
          </p>
        ) : (
          <SelectField
            label="Academic year"
            name="academicYearId"
            hint="One census round per academic year."
            value={academicYearId}
            onChange={(e) => setAcademicYearId(e.target.value)}
            errors={errors.academicYearId}
          >
            <option value="">Choose the academic year</option>
            {years?.map((year) => (
              <option key={year.id} value={year.id}>
                {year.name} ({year.code})
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          errors={errors.name}
        />
        <div className="registry-columns">
          <DateField
            label="Opens on"
            name="opensOn"
            value={opensOn}
            onChange={(e) => setOpensOn(e.target.value)}
            errors={errors.opensOn}
          />
          <DateField
            label="Deadline"
            name="deadline"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            errors={errors.deadline}
          />
        </div>
        <TextField
          label="Reminder days"
          name="reminderDays"
          hint="Days before the deadline on which schools without a submitted return are reminded, separated by spaces. Leave empty for 14 7 1."
          inputMode="numeric"
          autoComplete="off"
          value={reminders}
          onChange={(e) => setReminders(e.target.value)}
          errors={errorsAt(errors, 'reminderDays')}
        />
        <div className="registry-actions">
          <button type="submit" className="button" disabled={state.isLoading}>
            {round ? 'Save round' : 'Open round'}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** How many of the open institutions in the caller's scope are at each stage of the round. */
function RoundProgress({ round }: { round: CensusRound }) {
  const { data, error, isFetching } = useCensusProgressQuery(round.id);
  const returnsLink = (status?: string) => {
    const search = new URLSearchParams({ roundId: round.id });
    if (status) search.set('status', status);
    return `/census/returns?${search.toString()}`;
  };
  if (error) return <ProblemAlert problem={toProblem(error)} />;
  if (!data) return <p className="hint">Loading the progress of {round.name}…</p>;
  const rows: { label: string; count: number; status?: string }[] = [
    { label: 'Not started', count: data.notStarted },
    { label: 'Draft', count: data.draft, status: 'Draft' },
    { label: 'Submitted, waiting for review', count: data.submitted, status: 'Submitted' },
    { label: 'Returned for correction', count: data.returned, status: 'Returned' },
    { label: 'Approved', count: data.approved, status: 'Approved' },
  ];
  const approvedShare = percent(data.approved, data.institutions);
  const progressId = `progress-${round.id}`;
  return (
    <>
      <p id={progressId}>
        {data.approved} of {data.institutions} open {data.institutions === 1 ? 'institution' : 'institutions'} in your
        scope approved ({approvedShare}%).
      </p>
      <progress
        className="progress-bar"
        max={Math.max(1, data.institutions)}
        value={data.approved}
        aria-labelledby={progressId}
      />
      <TableWrap label={`Progress of ${round.name}`} busy={isFetching}>
        <table>
          <caption>Progress of {round.name} in your scope</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Institutions</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">
                  {row.status && row.count > 0 ? <Link to={returnsLink(row.status)}>{row.label}</Link> : row.label}
                </th>
                <td className="numeric">{row.count}</td>
                <td className="numeric">{percent(row.count, data.institutions)}%</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Open institutions due to return</th>
              <td className="numeric">{data.institutions}</td>
              <td className="numeric">{data.institutions > 0 ? '100%' : '—'}</td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <p>
        <Link to={returnsLink()}>See the returns of {round.name}</Link>
      </p>
    </>
  );
}

function RoundSection({
  round,
  canManage,
  editing,
  onEdit,
  onDone,
  onCancel,
}: {
  round: CensusRound;
  canManage: boolean;
  editing: boolean;
  onEdit: () => void;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const headingId = `round-${round.id}`;
  return (
    <section className="panel census-round" aria-labelledby={headingId}>
      <div className="census-round__heading">
        <h2 id={headingId}>{round.name}</h2>
        {canManage ? (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Change ${round.name}`}
            aria-expanded={editing}
            onClick={editing ? onCancel : onEdit}
          >
            Change
          </button>
        ) : null}
      </div>
      {editing ? <RoundForm key={round.version} round={round} onDone={onDone} onCancel={onCancel} /> : null}
      <dl className="summary">
        <div>
          <dt>Academic year</dt>
          <dd>{round.academicYearCode}</dd>
        </div>
        <div>
          <dt>Opens on</dt>
          <dd>{formatDate(round.opensOn)}</dd>
        </div>
        <div>
          <dt>Deadline</dt>
          <dd>{formatDate(round.deadline)}</dd>
        </div>
        <div>
          <dt>Reminders</dt>
          <dd>
            {round.reminderDays.length > 0
              ? `${round.reminderDays.join(', ')} days before the deadline`
              : 'No reminders before the deadline'}
          </dd>
        </div>
      </dl>
      <h3>Progress</h3>
      <RoundProgress round={round} />
    </section>
  );
}

export function CensusRoundsPage() {
  const { data: me } = useMeQuery();
  const canManage = hasPermission(me, 'census.manage');
  const [page, setPage] = useState(1);
  const { data, error, isLoading } = useCensusRoundsQuery({ page, pageSize });
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  function done(text: string) {
    setEditing(null);
    setMessage(text);
  }

  return (
    <Page title="School census">
      <p>
        Each academic year's census round: when returns open and are due, and how far the institutions in your scope
        have come.
      </p>
      <div className="registry-actions">
        <Link className="button button--secondary" to="/census/returns">
          Census returns
        </Link>
        {hasPermission(me, 'census.submit') ? (
          <Link className="button button--secondary" to="/census/returns/new">
            Start a return
          </Link>
        ) : null}
        {canManage ? (
          <button
            type="button"
            className="button"
            aria-expanded={editing === 'new'}
            onClick={() => {
              setMessage(null);
              setEditing(editing === 'new' ? null : 'new');
            }}
          >
            Open a census round
          </button>
        ) : null}
      </div>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {editing === 'new' ? <RoundForm onDone={done} onCancel={() => setEditing(null)} /> : null}
      {isLoading ? <p role="status">Loading…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {data && data.items.length === 0 ? <p>No census round has been opened yet.</p> : null}
      {data?.items.map((round) => (
        <RoundSection
          key={round.id}
          round={round}
          canManage={canManage}
          editing={editing === round.id}
          onEdit={() => {
            setMessage(null);
            setEditing(round.id);
          }}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      ))}
      {data && data.total > data.pageSize ? (
        <Pagination label="Census round pages" data={data} onPageChange={setPage} />
      ) : null}
    </Page>
  );
}
