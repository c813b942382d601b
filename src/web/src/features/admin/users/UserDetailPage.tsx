import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { toProblem } from '../../../api/problem';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { formatDateTime, scopeLabel } from '../../../components/format';
import { Page } from '../../../components/Page';
import { ProblemAlert, StatusMessage } from '../../../components/ProblemAlert';
import { hasPermission, useMeQuery } from '../../auth/authApi';
import { GrantRoleForm } from './GrantRoleForm';
import {
  useActivateUserMutation,
  useDeactivateUserMutation,
  useRevokeGrantMutation,
  useUserQuery,
  type UserDetail,
} from './usersApi';
import { TableWrap } from '../../../components/TableWrap';

function AccountStatus({ user, canManage }: { user: UserDetail; canManage: boolean }) {
  const [deactivate, deactivateState] = useDeactivateUserMutation();
  const [activate, activateState] = useActivateUserMutation();
  const [message, setMessage] = useState<string | null>(null);

  async function run(action: 'activate' | 'deactivate') {
    setMessage(null);
    const result = action === 'activate' ? await activate(user.id) : await deactivate(user.id);
    if ('data' in result) {
      setMessage(action === 'activate' ? 'The account has been activated.' : 'The account has been deactivated.');
    }
  }

  return (
    <section aria-labelledby="account-heading" className="panel">
      <h2 id="account-heading">Account</h2>
      <dl className="summary">
        <div>
          <dt>Email address</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={user.isActive ? 'tag tag--ok' : 'tag tag--off'}>
              {user.isActive ? 'Active' : 'Deactivated'}
            </span>
          </dd>
        </div>
        <div>
          <dt>Two-step verification</dt>
          <dd>{user.mfaEnabled ? 'On' : 'Off'}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
        </div>
        <div>
          <dt>Last signed in</dt>
          <dd>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}</dd>
        </div>
      </dl>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ProblemAlert problem={toProblem(deactivateState.error ?? activateState.error)} />
      {canManage ? (
        user.isActive ? (
          <ConfirmButton
            label="Deactivate account"
            question="Deactivating ends this person's sessions and stops them signing in. Continue?"
            confirmLabel="Yes, deactivate"
            danger
            disabled={deactivateState.isLoading}
            onConfirm={() => void run('deactivate')}
          />
        ) : (
          <button
            type="button"
            className="button"
            disabled={activateState.isLoading}
            onClick={() => void run('activate')}
          >
            Activate account
          </button>
        )
      ) : null}
    </section>
  );
}

function Grants({ user, canManage }: { user: UserDetail; canManage: boolean }) {
  const [revoke, { error, isLoading }] = useRevokeGrantMutation();
  const [message, setMessage] = useState<string | null>(null);

  async function run(grantId: string, description: string) {
    setMessage(null);
    const result = await revoke({ userId: user.id, grantId });
    if (!('error' in result)) setMessage(`${description} revoked.`);
  }

  return (
    <section aria-labelledby="grants-heading" className="panel">
      <h2 id="grants-heading">Roles</h2>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ProblemAlert problem={toProblem(error)} />
      {user.grants.length === 0 ? (
        <p>This user has no roles yet.</p>
      ) : (
        <TableWrap label="Roles">
          <table data-testid="grants">
            <caption className="visually-hidden">Roles granted to {user.displayName || user.email}</caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Applies to</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {user.grants.map((grant) => {
                const scope = scopeLabel(grant.scopeKind, grant.scopeName);
                return (
                  <tr key={grant.id}>
                    <td>{grant.role}</td>
                    <td>{scope}</td>
                    {canManage ? (
                      <td className="actions">
                        <ConfirmButton
                          label="Revoke"
                          accessibleLabel={`Revoke ${grant.role} for ${scope}`}
                          question={`Revoke ${grant.role} for ${scope}?`}
                          confirmLabel="Yes, revoke"
                          danger
                          disabled={isLoading}
                          onConfirm={() => void run(grant.id, `${grant.role} for ${scope}`)}
                        />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

export function UserDetailPage() {
  const { id = '' } = useParams();
  const { data: me } = useMeQuery();
  const canManage = hasPermission(me, 'users.manage');
  const { data: user, error, isLoading } = useUserQuery(id);

  return (
    <Page title={user ? user.displayName || user.email : isLoading ? 'User' : 'User not found'}>
      <p>
        <Link to="/admin/users">Back to users</Link>
      </p>
      {isLoading ? <p role="status">Loading…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {user ? (
        <>
          <AccountStatus user={user} canManage={canManage} />
          <Grants user={user} canManage={canManage} />
          {canManage ? <GrantRoleForm userId={user.id} /> : null}
        </>
      ) : null}
    </Page>
  );
}
