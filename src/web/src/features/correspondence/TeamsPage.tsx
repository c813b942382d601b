import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { formProblem, inlineFields } from '../registry/formErrors';
import {
  allClearanceSteps,
  memberLabel,
  useAddTeamMemberMutation,
  useCreateTeamMutation,
  useRemoveTeamMemberMutation,
  useTeamQuery,
  useTeamsQuery,
  words,
  type CaseRole,
  type Team,
  type TeamKind,
} from './casesApi';
import '../registry/registry.css';
import './cases.css';

const kindLabels: Record<TeamKind, string> = {
  BusinessGroup: 'Business group',
  Directorate: 'Directorate',
  BusinessUnit: 'Business unit',
};

const roles: CaseRole[] = ['Manager', 'Responder', 'Approver'];

/** The kind of team a new one hangs under. */
const parentKind: Record<TeamKind, TeamKind | null> = {
  BusinessGroup: null,
  Directorate: 'BusinessGroup',
  BusinessUnit: 'Directorate',
};

function teamLabel(team: Team): string {
  const role = team.role
    ? ` — ${team.role.toLowerCase()} unit${team.clearanceStep ? `, ${words(team.clearanceStep).toLowerCase()}` : ''}`
    : '';
  return `${team.name} (${team.code})${role}`;
}

function TeamTree({
  teams,
  parentId,
  selected,
  onSelect,
}: {
  teams: Team[];
  parentId: string | null;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  // At the top: teams with no parent, or whose parent the caller cannot see.
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
              <span className="muted small">{kindLabels[team.kind]}:</span> {teamLabel(team)}
            </span>
            {team.kind === 'BusinessUnit' ? (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-pressed={selected === team.id}
                aria-label={`Members of ${team.name}`}
                onClick={() => onSelect(team.id)}
              >
                Members
              </button>
            ) : null}
          </div>
          <TeamTree teams={teams} parentId={team.id} selected={selected} onSelect={onSelect} />
        </li>
      ))}
    </ul>
  );
}

function CreateTeamForm({ teams, onCreated }: { teams: Team[]; onCreated: (team: Team) => void }) {
  const [create, { error, isLoading }] = useCreateTeamMutation();
  const [values, setValues] = useState({
    code: '',
    name: '',
    kind: 'BusinessGroup' as TeamKind,
    parentId: '',
    role: '',
    clearanceStep: '',
  });
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(error);
  const errors: Record<string, string[] | undefined> =
    Object.keys(clientErrors).length > 0 ? clientErrors : (problem?.fieldErrors ?? {});
  const wantedParent = parentKind[values.kind];
  const parents = wantedParent ? teams.filter((t) => t.kind === wantedParent) : [];

  function set(name: keyof typeof values, value: string) {
    setValues((v) => ({ ...v, [name]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!values.code.trim()) found.code = ['Enter a code.'];
    else if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(values.code.trim())) {
      found.code = ['Use letters, digits, dots, dashes and underscores.'];
    }
    if (!values.name.trim()) found.name = ['Enter a name.'];
    if (wantedParent && !values.parentId) found.parentId = ['Choose the team above this one.'];
    if (values.kind === 'BusinessUnit' && !values.role) found.role = ['Choose what the unit does on cases.'];
    if (values.role === 'Approver' && !values.clearanceStep) found.clearanceStep = ['Choose the step it clears.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const unit = values.kind === 'BusinessUnit';
    const result = await create({
      code: values.code.trim(),
      name: values.name.trim(),
      kind: values.kind,
      parentId: wantedParent ? values.parentId : null,
      role: unit ? (values.role as CaseRole) : null,
      clearanceStep: unit && values.role === 'Approver' ? values.clearanceStep : null,
    });
    if ('data' in result && result.data) {
      setValues((v) => ({ ...v, code: '', name: '' }));
      onCreated(result.data);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form panel" aria-label="Add a team">
      <h2>Add a team</h2>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert
          problem={problem}
          shownFields={inlineFields(problem, ['code', 'name', 'kind', 'parentId', 'role', 'clearanceStep'])}
        />
      )}
      <SelectField
        label="Kind"
        name="kind"
        value={values.kind}
        onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value as TeamKind, parentId: '' }))}
        errors={errors.kind}
      >
        {(Object.keys(kindLabels) as TeamKind[]).map((kind) => (
          <option key={kind} value={kind}>
            {kindLabels[kind]}
          </option>
        ))}
      </SelectField>
      {wantedParent ? (
        <SelectField
          label={`Part of (${kindLabels[wantedParent].toLowerCase()})`}
          name="parentId"
          value={values.parentId}
          onChange={(e) => set('parentId', e.target.value)}
          errors={errors.parentId}
        >
          <option value="">Choose</option>
          {parents.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.code})
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        label="Code"
        name="code"
        maxLength={50}
        value={values.code}
        onChange={(e) => set('code', e.target.value)}
        errors={errors.code}
      />
      <TextField
        label="Name"
        name="name"
        maxLength={200}
        value={values.name}
        onChange={(e) => set('name', e.target.value)}
        errors={errors.name}
      />
      {values.kind === 'BusinessUnit' ? (
        <SelectField
          label="Role on cases"
          name="role"
          value={values.role}
          onChange={(e) => set('role', e.target.value)}
          errors={errors.role}
        >
          <option value="">Choose</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
      ) : null}
      {values.kind === 'BusinessUnit' && values.role === 'Approver' ? (
        <SelectField
          label="Clearance step"
          name="clearanceStep"
          value={values.clearanceStep}
          onChange={(e) => set('clearanceStep', e.target.value)}
          errors={errors.clearanceStep}
        >
          <option value="">Choose</option>
          {allClearanceSteps.map((s) => (
            <option key={s} value={s}>
              {words(s)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <button type="submit" className="button" disabled={isLoading}>
        Add team
      </button>
    </form>
  );
}

function Members({ teamId }: { teamId: string }) {
  const { data, error } = useTeamQuery(teamId);
  const [add, addState] = useAddTeamMemberMutation();
  const [remove, removeState] = useRemoveTeamMemberMutation();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const addProblem = formProblem(addState.error);
  const errors: Record<string, string[] | undefined> =
    Object.keys(clientErrors).length > 0 ? clientErrors : (addProblem?.fieldErrors ?? {});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = userId.trim();
    const found: Record<string, string[]> = {};
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      found.userId = ['Enter the user’s id (a GUID, shown on their page under Users).'];
    }
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await add({ teamId, userId: id, role: (role || null) as CaseRole | null });
    if ('data' in result) setUserId('');
  }

  if (!data) return <ProblemAlert problem={toProblem(error)} />;
  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading">Members of {data.team.name}</h2>
      <ProblemAlert problem={toProblem(removeState.error)} />
      {data.members.length === 0 ? (
        <p>No members yet.</p>
      ) : (
        <ul className="plain-list">
          {data.members.map((m) => (
            <li key={m.id}>
              {m.name ? <>{m.name} </> : null}
              <code>{m.userId}</code> — {m.role.toLowerCase()}{' '}
              <ConfirmButton
                label="Remove"
                accessibleLabel={`Remove ${memberLabel(m)}`}
                question="Remove this member?"
                confirmLabel="Remove"
                danger
                disabled={removeState.isLoading}
                onConfirm={() => void remove({ teamId, userId: m.userId })}
              />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="form" aria-label={`Add a member to ${data.team.name}`}>
        {Object.keys(clientErrors).length > 0 ? null : (
          <ProblemAlert problem={addProblem} shownFields={inlineFields(addProblem, ['userId', 'role'])} />
        )}
        <TextField
          label="User id"
          name="userId"
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          errors={errors.userId}
        />
        <SelectField
          label="Role on cases"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          errors={errors.role}
        >
          <option value="">The unit’s role ({data.team.role?.toLowerCase() ?? '—'})</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={addState.isLoading}>
          Add member
        </button>
      </form>
    </section>
  );
}

/** The correspondence organisation: business groups, directorates and units, and who is in each unit. */
export function TeamsPage() {
  const { data, error } = useTeamsQuery();
  const [selected, setSelected] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const teams = data?.items ?? [];

  return (
    <Page title="Correspondence teams">
      <p>
        <Link to="/cases">Back to the cases</Link>
      </p>
      {created ? <StatusMessage>{created}</StatusMessage> : null}
      <ProblemAlert problem={toProblem(error)} />
      <div className="case-layout">
        <section aria-labelledby="team-tree-heading">
          <h2 id="team-tree-heading">Teams</h2>
          {data && teams.length === 0 ? <p>No teams yet.</p> : null}
          <TeamTree teams={teams} parentId={null} selected={selected} onSelect={setSelected} />
          {selected ? <Members key={selected} teamId={selected} /> : null}
        </section>
        <CreateTeamForm teams={teams} onCreated={(team) => setCreated(`${team.name} has been added.`)} />
      </div>
    </Page>
  );
}
