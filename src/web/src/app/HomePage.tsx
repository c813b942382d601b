import { Link } from 'react-router';
import { scopeLabel } from '../components/format';
import { Page } from '../components/Page';
import { hasPermission, useMeQuery } from '../features/auth/authApi';

export function HomePage() {
  const { data: me } = useMeQuery();
  if (!me) return null;
  const admin = hasPermission(me, 'users.read');
  return (
    <Page title={`Welcome, ${me.displayName || me.email}`}>
      <section aria-labelledby="roles-heading" className="panel">
        <h2 id="roles-heading">Your roles</h2>
        {me.grants.length === 0 ? (
          <p>You have no roles yet. Ask a user administrator to give you the access you need.</p>
        ) : (
          <ul className="plain-list" data-testid="my-grants">
            {me.grants.map((grant) => (
              <li key={grant.id}>
                <strong>{grant.role}</strong> — {scopeLabel(grant.scopeKind, grant.scopeName)}
              </li>
            ))}
          </ul>
        )}
        {!me.mfaEnabled ? (
          <p>
            Two-step verification is off. <Link to="/account/mfa/setup">Set up two-step verification</Link> to protect
            your account.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="tasks-heading" className="panel">
        <h2 id="tasks-heading">What you can do</h2>
        <ul className="card-list">
          {admin ? (
            <li className="card">
              <h3>
                <Link to="/admin/users">Users</Link>
              </h3>
              <p>Find people, create accounts, and grant or revoke roles.</p>
            </li>
          ) : null}
          {admin && hasPermission(me, 'jobs.read') ? (
            <li className="card">
              <h3>
                <Link to="/admin/jobs">Background jobs</Link>
              </h3>
              <p>See scheduled and failed background work.</p>
            </li>
          ) : null}
          {admin && hasPermission(me, 'audit.read') ? (
            <li className="card">
              <h3>
                <Link to="/admin/audit">Audit trail</Link>
              </h3>
              <p>Review who changed what, and check the trail has not been altered.</p>
            </li>
          ) : null}
          <li className="card">
            <h3>
              <Link to="/account/profile">Your profile</Link>
            </h3>
            <p>Change your name or password, manage two-step verification, and sign out everywhere.</p>
          </li>
        </ul>
      </section>
    </Page>
  );
}
