import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { formProblem, inlineFields } from '../registry/formErrors';
import { memberLabel, useTeamQuery, useTeamsQuery, type CaseRole, type Id, type Team, type TeamKind } from './casesApi';
import {
  useMoveMemberMutation,
  useMoveTeamMutation,
  useSetMemberActiveMutation,
  useSetTeamActiveMutation,
} from './teamAdminApi';
import { DeactivateWithMove } from './DeactivateWithMove';
import '../registry/registry.css';
import './cases.css';

const kindLabels: Record<TeamKind, string> = {
  BusinessGroup: 'Business group',
  Directorate: 'Directorate',
  BusinessUnit: 'Business unit',
};

/** The kind of team a team of this kind hangs under. */
const parentKind: Record<TeamKind, TeamKind | null> = {
  BusinessGroup: null,
  Directorate: 'BusinessGroup',
  BusinessUnit: 'Directorate',
};

const roles: CaseRole[] = ['Manager', 'Responder', 'Approver'];

export const isActive = (team: { active?: boolean }) => team.active !== false;

function Tree({
  teams,
  parentId,
  selected,
  onSelect,
}: {
  teams: Team[];
  parentId: Id | null;
  selected: Id | null;
  onSelect: (id: Id) => void;
}) {
  const children =
    parentId === null
      ? teams.filter((t) => !t.parentId || !teams.some((p) => p.id === t.parentId))
      : teams.filter((t) => t.parentId === parentId);
  if (children.length === 0) return null;
  return (
    <ul className="registry-tree">
      {children.map((team) => (
        <li key={team.id}>
          <div className="registry-tree__row">
            <span>
              <span className="muted small">{kindLabels[team.kind]}:</span> {team.name} ({team.code})
              {isActive(team) ? null : <strong> — deactivated</strong>}
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-pressed={selected === team.id}
              aria-label={`Manage ${team.name}`}
              onClick={() => onSelect(team.id)}
            >
              Manage
            </button>
          </div>
          <Tree teams={teams} parentId={team.id} selected={selected} onSelect={onSelect} />
        </li>
      ))}
    </ul>
  );
}

function MoveTeamForm({ team, teams }: { team: Team; teams: Team[] }) {
  const [move, state] = useMoveTeamMutation();
  const [parentId, setParentId] = useState('');
  const [clientError, setClientError] = useState<string[] | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const problem = formProblem(state.error);
  const wanted = parentKind[team.kind];
  if (!wanted) return <p className="muted">A business group is at the top of the tree and does not move.</p>;
  const parents = teams.filter((t) => t.kind === wanted && t.id !== team.parentId && isActive(t));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    if (!parentId) {
      setClientError([`Choose the ${kindLabels[wanted!].toLowerCase()} to move it to.`]);
      return;
    }
    setClientError(undefined);
    const result = await move({ teamId: team.id, parentId, version: team.version });
    if ('data' in result && result.data) {
      setParentId('');
      setDone(`${team.name} has been moved; its cases and members moved with it.`);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-label={`Move ${team.name}`}>
      {done ? <StatusMessage>{done}</StatusMessage> : null}
      {clientError ? null : <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['parentId'])} />}
      <SelectField
        label={`Move under (${kindLabels[wanted].toLowerCase()})`}
        name="parentId"
        value={parentId}
        onChange={(e) => setParentId(e.target.value)}
        errors={clientError ?? problem?.fieldErrors?.parentId}
      >
        <option value="">Choose</option>
        {parents.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.code})
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={state.isLoading}>
        Move team
      </button>
    </form>
  );
}

function MemberRow({
  teamId,
  userId,
  name,
  role,
  active,
  units,
}: {
  teamId: Id;
  userId: Id;
  /** The user's display name, if the answer gave one. */
  name?: string | null;
  role: CaseRole;
  active: boolean;
  units: Team[];
}) {
  const [setActive, activeState] = useSetMemberActiveMutation();
  const [move, moveState] = useMoveMemberMutation();
  const [toTeamId, setToTeamId] = useState('');
  const [newRole, setNewRole] = useState('');
  const [clientError, setClientError] = useState<string[] | undefined>();
  const problem = formProblem(moveState.error);
  const label = memberLabel({ userId, name });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!toTeamId) {
      setClientError(['Choose the unit to move the user to.']);
      return;
    }
    setClientError(undefined);
    await move({ teamId, userId, toTeamId, role: (newRole || null) as CaseRole | null });
  }

  return (
    <li>
      {name ? <>{name} </> : null}
      <code>{userId}</code> — {role.toLowerCase()}
      {active ? null : <strong> (deactivated)</strong>}{' '}
      <ConfirmButton
        label={active ? 'Deactivate' : 'Reactivate'}
        accessibleLabel={`${active ? 'Deactivate' : 'Reactivate'} ${label}`}
        question={active ? 'Deactivate this membership?' : 'Reactivate this membership?'}
        confirmLabel={active ? 'Deactivate' : 'Reactivate'}
        danger={active}
        disabled={activeState.isLoading}
        onConfirm={() => void setActive({ teamId, userId, active: !active })}
      />
      <ProblemAlert problem={toProblem(activeState.error)} />
      <form onSubmit={submit} noValidate className="form" aria-label={`Move ${label} to another unit`}>
        {clientError ? null : (
          <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['toTeamId', 'role'])} />
        )}
        <SelectField
          label="Move to unit"
          name="toTeamId"
          value={toTeamId}
          onChange={(e) => setToTeamId(e.target.value)}
          errors={clientError ?? problem?.fieldErrors?.toTeamId}
        >
          <option value="">Choose</option>
          {units
            .filter((u) => u.id !== teamId)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.code})
              </option>
            ))}
        </SelectField>
        <SelectField
          label="Role there"
          name="role"
          value={newRole}
          onChange={(e) => setNewRole(e.target.value)}
          errors={problem?.fieldErrors?.role}
        >
          <option value="">Keep {role.toLowerCase()}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--small" disabled={moveState.isLoading}>
          Move user
        </button>
      </form>
    </li>
  );
}

function TeamPanel({ teamId, teams }: { teamId: Id; teams: Team[] }) {
  const { data, error } = useTeamQuery(teamId);
  const [setActive, activeState] = useSetTeamActiveMutation();
  if (!data) return <ProblemAlert problem={toProblem(error)} />;
  const team = data.team;
  const active = isActive(team);
  const units = teams.filter((t) => t.kind === 'BusinessUnit' && isActive(t));

  return (
    <section className="panel" aria-labelledby="team-panel-heading">
      <h2 id="team-panel-heading">{team.name}</h2>
      <p>
        {kindLabels[team.kind]} {team.code}
        {team.role ? `, ${team.role.toLowerCase()} unit` : ''} — {active ? 'active' : 'deactivated'}
      </p>
      <ProblemAlert problem={toProblem(activeState.error)} />
      <ConfirmButton
        label={active ? 'Deactivate team' : 'Reactivate team'}
        question={
          active ? `Deactivate ${team.name}? It will not be offered for assignment.` : `Reactivate ${team.name}?`
        }
        confirmLabel={active ? 'Deactivate' : 'Reactivate'}
        danger={active}
        disabled={activeState.isLoading}
        onConfirm={() => void setActive({ teamId, active: !active, version: team.version })}
      />
      {active && team.role === 'Manager' ? (
        <DeactivateWithMove key={`d${team.version}`} team={team} teams={teams} />
      ) : null}
      <h3>Move</h3>
      <MoveTeamForm key={team.version} team={team} teams={teams} />
      {team.kind === 'BusinessUnit' ? (
        <>
          <h3>Members</h3>
          {data.members.length === 0 ? (
            <p>No members.</p>
          ) : (
            <ul className="plain-list" aria-label={`Members of ${team.name}`}>
              {data.members.map((m) => (
                <MemberRow
                  key={m.id}
                  teamId={teamId}
                  userId={m.userId}
                  name={m.name}
                  role={m.role}
                  active={m.active !== false}
                  units={units}
                />
              ))}
            </ul>
          )}
          <p>
            <Link to={`/cases/reassign?fromTeamId=${encodeURIComponent(teamId)}`}>Reassign this unit’s open cases</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}

/** Team administration: the tree with active and deactivated teams; deactivate, reactivate and move a team; deactivate or move its members. */
export function TeamAdminPage() {
  const { data, error } = useTeamsQuery();
  const [selected, setSelected] = useState<Id | null>(null);
  const teams = data?.items ?? [];
  return (
    <Page title="Team administration">
      <p>
        <Link to="/cases/teams">Add teams and members</Link> · <Link to="/cases/reassign">Reassign open cases</Link>
      </p>
      <ProblemAlert problem={toProblem(error)} />
      <div className="case-layout">
        <section aria-labelledby="admin-tree-heading">
          <h2 id="admin-tree-heading">Teams</h2>
          {data && teams.length === 0 ? <p>No teams yet.</p> : null}
          <Tree teams={teams} parentId={null} selected={selected} onSelect={setSelected} />
        </section>
        {selected ? <TeamPanel key={selected} teamId={selected} teams={teams} /> : <p>Choose a team to manage it.</p>}
      </div>
    </Page>
  );
}
