import { Route, Routes } from 'react-router';
import { AuditPage } from '../features/admin/audit/AuditPage';
import { JobsPage } from '../features/admin/jobs/JobsPage';
import { CreateUserPage } from '../features/admin/users/CreateUserPage';
import { UserDetailPage } from '../features/admin/users/UserDetailPage';
import { UsersListPage } from '../features/admin/users/UsersListPage';
import { MfaEnrolmentPage } from '../features/account/MfaEnrolmentPage';
import { ProfilePage } from '../features/account/ProfilePage';
import { RequireAuth, RequirePermission } from '../features/auth/guards';
import { MfaCodePage } from '../features/auth/MfaCodePage';
import { SignInPage } from '../features/auth/SignInPage';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-in/mfa" element={<MfaCodePage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="/account/profile" element={<ProfilePage />} />
          <Route path="/account/mfa/setup" element={<MfaEnrolmentPage />} />
          <Route path="/admin/users" element={<RequirePermission permission="users.read" />}>
            <Route index element={<UsersListPage />} />
            <Route
              path="new"
              element={
                <RequirePermission permission="users.manage">
                  <CreateUserPage />
                </RequirePermission>
              }
            />
            <Route path=":id" element={<UserDetailPage />} />
          </Route>
          <Route path="/admin/jobs" element={<RequirePermission permission="jobs.read" />}>
            <Route index element={<JobsPage />} />
          </Route>
          <Route path="/admin/audit" element={<RequirePermission permission="audit.read" />}>
            <Route index element={<AuditPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
