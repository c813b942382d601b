import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../../components/fields';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { formProblem, inlineFields } from '../registry/formErrors';
import type { Team } from './casesApi';
import { useDeactivateMovingCasesMutation } from './teamAdminApi';

/** The business group a team hangs under (its topmost ancestor). */
function groupOf(teams: Team[], id: string | null): string | null {
  const byId = new Map(teams.map((t) => [t.id, t]));
  let team = id ? byId.get(id) : undefined;
  for (let i = 0; team?.parentId && i < 5; i++) team = byId.get(team.parentId);
  return team?.id ?? null;
}

/**
 * Deactivates a manager unit after handing its open cases to another manager unit of the same
 * business group (each case through the workflow's transfer, its history saying from and to). The
 * server moves up to 200 cases a request: when more remain it says so, and sending it again carries on.
 */
export function DeactivateWithMove({ team, teams }: { team: Team; teams: Team[] }) {
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[] | undefined>();
  const [deactivate, state] = useDeactivateMovingCasesMutation();
  const problem = formProblem(state.error);
  const group = groupOf(teams, team.id);
  const managerUnits = teams.filter(
    (t) => t.id !== team.id && t.role === 'Manager' && t.active !== false && groupOf(teams, t.id) === group,
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(target ? undefined : ['Choose the manager unit the open cases go to.']);
    if (!target) return;
    await deactivate({
      teamId: team.id,
      version: team.version,
      moveManagedCasesTo: target,
      reason: reason.trim() || null,
    });
  }

  return (
    <form aria-label="Move open cases and deactivate" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Move its open cases, then deactivate</h3>
      {state.isSuccess ? <StatusMessage>{team.name} is deactivated; its open cases moved.</StatusMessage> : null}
      <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['moveManagedCasesTo', 'reason'])} />
      <SelectField
        label="Move open cases to"
        name="moveManagedCasesTo"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        errors={missing ?? problem?.fieldErrors.moveManagedCasesTo}
      >
        <option value="">Choose the manager unit</option>
        {managerUnits.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.code})
          </option>
        ))}
      </SelectField>
      <TextField
        label="Reason (optional)"
        name="reason"
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={problem?.fieldErrors.reason}
      />
      <button type="submit" className="button button--danger" disabled={state.isLoading}>
        Move open cases and deactivate
      </button>
    </form>
  );
}
