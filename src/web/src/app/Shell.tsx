import { useRef, type MouseEvent } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { errorStatus, toProblem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { hasPermission, useMeQuery, useSignOutMutation, type Me } from '../features/auth/authApi';
import { useSession } from '../features/auth/session';
import { importPermissions } from '../features/imports/importsApi';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useAppSelector } from './hooks';

function MainNav({ me }: { me: Me }) {
  const links = [
    { to: '/', label: 'Home', show: true },
    { to: '/registry/institutions', label: 'Institutions', show: hasPermission(me, 'institutions.read') },
    { to: '/registry/learners', label: 'Learners', show: hasPermission(me, 'learners.read') },
    { to: '/registry/staff', label: 'Staff', show: hasPermission(me, 'staff.read') },
    { to: '/registry/areas', label: 'Areas', show: hasPermission(me, 'areas.read') },
    { to: '/census', label: 'Census', show: hasPermission(me, 'census.read') },
    { to: '/cases', label: 'Cases', show: hasPermission(me, 'cases.read') },
    { to: '/cases/letter-templates', label: 'Letter templates', show: hasPermission(me, 'letters.manage') },
    { to: '/cases/team-admin', label: 'Team admin', show: hasPermission(me, 'teams.manage') },
    { to: '/cases/reassign', label: 'Reassign cases', show: hasPermission(me, 'cases.manage') },
    { to: '/cases/holidays', label: 'Holidays', show: hasPermission(me, 'teams.read') },
    { to: '/cases/retention', label: 'Retention', show: hasPermission(me, 'cases.retention') },
    { to: '/cases/reports', label: 'Case reports', show: hasPermission(me, 'cases.reports') },
    { to: '/imports', label: 'Imports', show: importPermissions.some((p) => hasPermission(me, p)) },
    { to: '/admin/users', label: 'Users', show: hasPermission(me, 'users.read') },
    { to: '/admin/jobs', label: 'Jobs', show: hasPermission(me, 'users.read') && hasPermission(me, 'jobs.read') },
    {
      to: '/admin/audit',
      label: 'Audit trail',
      show: hasPermission(me, 'users.read') && hasPermission(me, 'audit.read'),
    },
    { to: '/admin/dev-mailbox', label: 'Dev mailbox', show: hasPermission(me, 'notifications.read') },
    { to: '/documents', label: 'Documents', show: hasPermission(me, 'documents.read') },
    {
      to: '/admin/notifications/templates',
      label: 'Notification templates',
      show: hasPermission(me, 'notifications.read'),
    },
    {
      to: '/admin/notifications/deliveries',
      label: 'Deliveries',
      show: hasPermission(me, 'notifications.read'),
    },
    { to: '/admin/webhooks', label: 'Webhooks', show: hasPermission(me, 'webhooks.manage') },
    { to: '/admin/payments', label: 'Payments', show: hasPermission(me, 'payments.read') },
    { to: '/notifications', label: 'Notifications', show: true },
    { to: '/account/profile', label: 'Your profile', show: true },
  ];
  return (
    <nav className="main-nav" aria-label="Main">
      <ul>
        {links
          .filter((link) => link.show)
          .map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.to === '/'}>
                {link.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function SignOut() {
  const { endSession } = useSession();
  const [signOut, { isLoading, error }] = useSignOutMutation();
  async function run() {
    const result = await signOut();
    if (!('error' in result)) await endSession('You have been signed out.');
  }
  return (
    <>
      <button type="button" className="button button--header" disabled={isLoading} onClick={() => void run()}>
        Sign out
      </button>
      {error ? (
        <div className="header-alert">
          <ProblemAlert problem={toProblem(error)} />
        </div>
      ) : null}
    </>
  );
}

/** The page frame: skip link, header with navigation and sign-out, the main landmark and a footer. */
export function Shell() {
  const { data: meData, error: meError } = useMeQuery();
  const mfaPending = useAppSelector((state) => state.auth.mfaPending);
  const me = mfaPending ? undefined : meData;
  // A session that may only enrol MFA can still sign out, even if the server will not describe it.
  const restricted = !me && errorStatus(meError) === 403;
  const main = useRef<HTMLElement>(null);

  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    main.current?.focus();
  }

  // A user who must enrol MFA may do nothing else, so gets no navigation.
  const fullAccess = me && !me.mfaEnrolmentRequired;

  return (
    <div className="layout">
      <a href="#main" className="skip-link" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">LNEMIS</span>
            <span className="brand__tagline">Education Management Information System</span>
          </Link>
          {me || restricted ? (
            <div className="site-header__user">
              {me ? (
                <span className="site-header__who">
                  <span className="visually-hidden">Signed in as </span>
                  {me.displayName || me.email}
                </span>
              ) : null}
              {me && !me.mfaEnrolmentRequired ? <NotificationBell /> : null}
              <SignOut />
            </div>
          ) : null}
        </div>
        {fullAccess ? <MainNav me={me} /> : null}
      </header>
      <main id="main" ref={main} tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>LNEMIS · Ministry of Education</p>
      </footer>
    </div>
  );
}
