import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { formProblem, inlineFields } from '../registry/formErrors';
import { newKey } from './CaseActions';
import { stateLabel, teamNamer, useTeamsQuery } from './casesApi';
import { isActive } from './TeamAdminPage';
import { ResponderPicker } from './ResponderPicker';
import { useLazyOpenCasesToReassignQuery, useReassignCasesMutation, type ReassignFields } from './teamAdminApi';
import './cases.css';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bulk reassignment: list the open cases of a responder unit or a responder, then move them to
 * another unit. Each case goes through the workflow's reassign event; the answer lists every case
 * as moved, skipped (with the workflow's reason) or in conflict (changed since it was listed).
 */
export function ReassignCasesPage() {
  const [params] = useSearchParams();
  const { data: teamPage } = useTeamsQuery();
  const teams = teamPage?.items ?? [];
  const responderUnits = teams.filter((t) => t.role === 'Responder');
  const nameOf = teamNamer(teams);
  const [values, setValues] = useState({
    fromTeamId: params.get('fromTeamId') ?? '',
    fromUserId: '',
    toTeamId: '',
    toUserId: '',
    reason: '',
  });
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [list, listed] = useLazyOpenCasesToReassignQuery();
  const [reassign, reassigned] = useReassignCasesMutation();
  // One key per bulk action: a double click or a retry replays the first answer.
  const pending = useRef<{ key: string; signature: string } | null>(null);
  const problem = formProblem(reassigned.error);
  const errors: Record<string, string[] | undefined> =
    Object.keys(clientErrors).length > 0 ? clientErrors : (problem?.fieldErrors ?? {});
  const set = (name: keyof typeof values, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const source = {
    fromTeamId: values.fromTeamId || null,
    fromUserId: values.fromTeamId ? null : values.fromUserId.trim() || null,
  };

  function checkSource(): Record<string, string[]> {
    const found: Record<string, string[]> = {};
    if (!source.fromTeamId && !source.fromUserId) found.fromTeamId = ['Choose a unit, or give a user id.'];
    if (source.fromUserId && !guid.test(source.fromUserId)) found.fromUserId = ['Enter the user’s id (a GUID).'];
    return found;
  }

  async function showCases() {
    const found = checkSource();
    setClientErrors(found);
    if (Object.keys(found).length === 0) await list(source);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkSource();
    if (!values.toTeamId) found.toTeamId = ['Choose the unit the cases go to.'];
    if (!values.reason.trim()) found.reason = ['Say why the cases move; it goes into each case’s history.'];
    if (!listed.data) found.fromTeamId = ['List the open cases first.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !listed.data) return;
    const body: ReassignFields = {
      ...source,
      toTeamId: values.toTeamId,
      toUserId: values.toUserId || null,
      reason: values.reason.trim(),
      cases: listed.data.items.map((c) => ({ caseId: c.id, version: c.version })),
    };
    const signature = JSON.stringify(body);
    if (pending.current?.signature !== signature) pending.current = { key: newKey(), signature };
    await reassign({ idempotencyKey: pending.current.key, body });
  }

  const result = reassigned.data;
  return (
    <Page title="Reassign open cases">
      <p>
        <Link to="/cases/team-admin">Team administration</Link>
      </p>
      <form onSubmit={submit} noValidate className="form panel" aria-label="Reassign open cases">
        {Object.keys(clientErrors).length > 0 ? null : (
          <ProblemAlert
            problem={problem}
            shownFields={inlineFields(problem, ['fromTeamId', 'fromUserId', 'toTeamId', 'toUserId', 'reason', 'cases'])}
          />
        )}
        <SelectField
          label="From unit"
          name="fromTeamId"
          value={values.fromTeamId}
          onChange={(e) => set('fromTeamId', e.target.value)}
          errors={errors.fromTeamId}
        >
          <option value="">A user instead (below)</option>
          {responderUnits.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.code})
            </option>
          ))}
        </SelectField>
        {values.fromTeamId ? null : (
          <TextField
            label="From user (id)"
            name="fromUserId"
            value={values.fromUserId}
            onChange={(e) => set('fromUserId', e.target.value)}
            errors={errors.fromUserId}
          />
        )}
        <button type="button" className="button button--secondary" onClick={() => void showCases()}>
          List open cases
        </button>
        <ProblemAlert problem={toProblem(listed.error)} />
        {listed.data ? (
          <TableWrap label="Open cases to move">
            <table className="table">
              <caption>
                {listed.data.items.length} open case{listed.data.items.length === 1 ? '' : 's'}
                {listed.data.more ? ` (the first ${listed.data.max}; run again for the rest)` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">State</th>
                  <th scope="col">Responding unit</th>
                </tr>
              </thead>
              <tbody>
                {listed.data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/cases/${c.id}`}>{c.number}</Link>
                    </td>
                    <td>{stateLabel(c.state)}</td>
                    <td>{nameOf(c.respondingTeamId)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
        <SelectField
          label="To unit"
          name="toTeamId"
          value={values.toTeamId}
          onChange={(e) => {
            set('toTeamId', e.target.value);
            set('toUserId', '');
          }}
          errors={errors.toTeamId}
        >
          <option value="">Choose</option>
          {responderUnits
            .filter((t) => isActive(t) && t.id !== values.fromTeamId)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.code})
              </option>
            ))}
        </SelectField>
        <ResponderPicker
          teamId={values.toTeamId || null}
          name="toUserId"
          value={values.toUserId}
          onChange={(userId) => set('toUserId', userId)}
          errors={errors.toUserId}
        />
        <TextField
          label="Reason"
          name="reason"
          maxLength={1000}
          value={values.reason}
          onChange={(e) => set('reason', e.target.value)}
          errors={errors.reason}
        />
        <button type="submit" className="button" disabled={reassigned.isLoading}>
          Reassign {listed.data ? listed.data.items.length : ''} cases
        </button>
      </form>
      {result ? (
        <section aria-labelledby="reassign-result-heading" className="panel">
          <h2 id="reassign-result-heading">Result</h2>
          <p role="status">
            {result.moved} moved, {result.skipped} not moved.
            {result.more ? ' More open cases remain: list them again.' : ''}
          </p>
          <TableWrap label="Reassignment result">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Result</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {result.cases.map((o) => (
                  <tr key={o.caseId}>
                    <td>{o.number ?? o.caseId}</td>
                    <td>{o.result}</td>
                    <td>{o.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
    </Page>
  );
}
