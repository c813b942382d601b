import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorStatus, toProblem } from '../../api/problem';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAppSelector } from '../../app/hooks';
import { hasPermission, useMeQuery } from './authApi';
import { mfaSetupPath } from './session';

/** Lets only signed-in users through; a user who must enrol MFA can reach nothing but the enrolment page. */
export function RequireAuth() {
  const { data: me, error, isLoading } = useMeQuery();
  const location = useLocation();
  const mfaPending = useAppSelector((state) => state.auth.mfaPending);

  // The server may already describe a session whose second factor is still due; it is not signed in yet.
  if (mfaPending) {
    return <Navigate to="/sign-in/mfa" replace />;
  }
  if (isLoading) {
    return <p role="status">Loading…</p>;
  }
  if (error) {
    const status = errorStatus(error);
    if (status === 401) {
      return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
    }
    // A restricted session (MFA enrolment still due) may be refused even /auth/me: enrolment is all it can do.
    if (status === 403) {
      return location.pathname === mfaSetupPath ? <Outlet /> : <Navigate to={mfaSetupPath} replace />;
    }
    return (
      <Page title="LNEMIS is unavailable">
        <ProblemAlert problem={toProblem(error)} />
      </Page>
    );
  }
  if (me?.mfaRequired) {
    return <Navigate to="/sign-in/mfa" replace />;
  }
  if (me?.mfaEnrolmentRequired && location.pathname !== mfaSetupPath) {
    return <Navigate to={mfaSetupPath} replace />;
  }
  return <Outlet />;
}

/** Lets through users holding the permission (or, given a list, any one of them). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: string | readonly string[];
  children?: ReactNode;
}) {
  const { data: me } = useMeQuery();
  const wanted = typeof permission === 'string' ? [permission] : permission;
  if (!wanted.some((p) => hasPermission(me, p))) {
    return (
      <Page title="You do not have access to this page">
        <p>Your roles do not include access to this page. Ask a user administrator if you need it.</p>
      </Page>
    );
  }
  return children ?? <Outlet />;
}
