import { useState, type FormEvent } from 'react';
import { toProblem } from '../../../api/problem';
import { SelectField, TextField } from '../../../components/fields';
import { ProblemAlert, StatusMessage } from '../../../components/ProblemAlert';
import type { ScopeKind } from '../../auth/authApi';
import { AreaPicker } from './AreaPicker';
import { useGrantRoleMutation, useRolesQuery, type Area } from './usersApi';

const scopeKindLabels: Record<ScopeKind, string> = {
  Country: 'National (whole country)',
  Area: 'Area (region or district)',
  Institution: 'Institution',
  Team: 'Team',
};

/** Grants a role at a scope; only the scope kinds the chosen role allows can be picked. */
export function GrantRoleForm({ userId }: { userId: string }) {
  const { data: roles, error: rolesError } = useRolesQuery();
  const [grantRole, { isLoading, error, reset }] = useGrantRoleMutation();
  const [roleName, setRoleName] = useState('');
  const [scopeKind, setScopeKind] = useState<ScopeKind | ''>('');
  const [area, setArea] = useState<Area | null>(null);
  const [entityId, setEntityId] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [granted, setGranted] = useState<string | null>(null);

  const role = roles?.find((r) => r.name === roleName);
  const scopeKinds = role?.scopeKinds ?? [];
  const problem = toProblem(error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };

  function clearScope() {
    setArea(null);
    setEntityId('');
  }

  function chooseRole(name: string) {
    setRoleName(name);
    const kinds = roles?.find((r) => r.name === name)?.scopeKinds ?? [];
    setScopeKind(kinds.length === 1 && kinds[0] ? kinds[0] : '');
    clearScope();
  }

  function chooseScopeKind(kind: string) {
    setScopeKind(scopeKinds.find((k) => k === kind) ?? '');
    clearScope();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    setGranted(null);
    const found: Record<string, string[]> = {};
    if (!roleName) found.role = ['Choose a role.'];
    else if (!scopeKind) found.scopeKind = ['Choose where the role applies.'];
    else if (scopeKind === 'Area' && !area) found.scopeId = ['Choose an area.'];
    else if ((scopeKind === 'Institution' || scopeKind === 'Team') && !entityId.trim())
      found.scopeId = [`Enter the ${scopeKind.toLowerCase()} id.`];
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !scopeKind) return;

    const scopeId = scopeKind === 'Country' ? null : scopeKind === 'Area' ? (area?.id ?? null) : entityId.trim();
    const result = await grantRole({ userId, role: roleName, scopeKind, scopeId });
    if ('data' in result && result.data) {
      const where = result.data.scopeName ?? (scopeKind === 'Area' ? area?.name : undefined) ?? scopeKind;
      setGranted(`${roleName} granted for ${where}.`);
      setRoleName('');
      setScopeKind('');
      clearScope();
    }
  }

  return (
    <section aria-labelledby="grant-heading" className="panel">
      <h2 id="grant-heading">Grant a role</h2>
      {granted ? <StatusMessage>{granted}</StatusMessage> : null}
      <ProblemAlert problem={toProblem(rolesError)} />
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={['role', 'scopeKind', 'scopeId']} />
      )}
      <form onSubmit={submit} noValidate className="form" aria-labelledby="grant-heading">
        <SelectField
          label="Role"
          name="role"
          value={roleName}
          onChange={(e) => chooseRole(e.target.value)}
          errors={errors.role}
          hint={role?.description}
        >
          <option value="">Choose a role</option>
          {roles?.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
            </option>
          ))}
        </SelectField>

        <SelectField
          label="Applies to"
          name="scopeKind"
          value={scopeKind}
          disabled={!role}
          onChange={(e) => chooseScopeKind(e.target.value)}
          errors={errors.scopeKind}
          hint={role ? undefined : 'Choose a role first.'}
        >
          <option value="">Choose where the role applies</option>
          {scopeKinds.map((kind) => (
            <option key={kind} value={kind}>
              {scopeKindLabels[kind] ?? kind}
            </option>
          ))}
        </SelectField>

        {scopeKind === 'Area' ? <AreaPicker selected={area} onSelect={setArea} errors={errors.scopeId} /> : null}
        {scopeKind === 'Institution' || scopeKind === 'Team' ? (
          <TextField
            label={`${scopeKind} id`}
            name="scopeId"
            spellCheck={false}
            autoComplete="off"
            value={entityId}
            onChange={(e) => setEntityId(e.target.value)}
            errors={errors.scopeId}
          />
        ) : null}

        <button type="submit" className="button" disabled={isLoading}>
          Grant role
        </button>
      </form>
    </section>
  );
}
