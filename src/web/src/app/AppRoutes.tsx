import { Route, Routes } from 'react-router';
import { AuditPage } from '../features/admin/audit/AuditPage';
import { JobsPage } from '../features/admin/jobs/JobsPage';
import { CreateUserPage } from '../features/admin/users/CreateUserPage';
import { UserDetailPage } from '../features/admin/users/UserDetailPage';
import { UsersListPage } from '../features/admin/users/UsersListPage';
import { MfaEnrolmentPage } from '../features/account/MfaEnrolmentPage';
import { ProfilePage } from '../features/account/ProfilePage';
import { RequireAuth, RequirePermission } from '../features/auth/guards';
import { CensusReturnPage } from '../features/census/CensusReturnPage';
import { CensusReturnsPage } from '../features/census/CensusReturnsPage';
import { CensusRoundsPage } from '../features/census/CensusRoundsPage';
import { StartCensusReturnPage } from '../features/census/StartCensusReturnPage';
import { importPermissions } from '../features/imports/importsApi';
import { ImportsListPage } from '../features/imports/ImportsListPage';
import { ImportWizardPage } from '../features/imports/ImportWizardPage';
import { MfaCodePage } from '../features/auth/MfaCodePage';
import { DevMailboxPage } from '../features/notifications/DevMailboxPage';
import { NotificationPreferencesPage } from '../features/notifications/NotificationPreferencesPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { CaseDetailPage } from '../features/correspondence/CaseDetailPage';
import { CasesListPage } from '../features/correspondence/CasesListPage';
import { HolidayCalendarsPage } from '../features/correspondence/HolidayCalendarsPage';
import { ReassignCasesPage } from '../features/correspondence/ReassignCasesPage';
import { RetentionPage } from '../features/correspondence/RetentionPage';
import { TeamAdminPage } from '../features/correspondence/TeamAdminPage';
import { CreateCasePage } from '../features/correspondence/CreateCasePage';
import { TeamsPage } from '../features/correspondence/TeamsPage';
import { LetterTemplatesPage } from '../features/correspondence/letters/LetterTemplatesPage';
import { ReportsPage } from '../features/correspondence/reports/ReportsPage';
import { SignInPage } from '../features/auth/SignInPage';
import { AreasPage } from '../features/registry/AreasPage';
import { InstitutionDetailPage } from '../features/registry/InstitutionDetailPage';
import { CreateInstitutionPage, EditInstitutionPage } from '../features/registry/InstitutionFormPage';
import { InstitutionsListPage } from '../features/registry/InstitutionsListPage';
import { LearnerDetailPage } from '../features/registry/LearnerDetailPage';
import { CreateLearnerPage, EditLearnerPage } from '../features/registry/LearnerFormPage';
import { LearnersListPage } from '../features/registry/LearnersListPage';
import { StaffDetailPage } from '../features/registry/StaffDetailPage';
import { CreateStaffMemberPage, EditStaffMemberPage } from '../features/registry/StaffFormPage';
import { StaffListPage } from '../features/registry/StaffListPage';
import { DocumentDetailPage } from '../features/documents/DocumentDetailPage';
import { DocumentsListPage } from '../features/documents/DocumentsListPage';
import { UploadDocumentPage } from '../features/documents/UploadDocumentPage';
import { DeliveriesPage } from '../features/admin/notifications/DeliveriesPage';
import { TemplateEditorPage } from '../features/admin/notifications/TemplateEditorPage';
import { TemplatesPage } from '../features/admin/notifications/TemplatesPage';
import { CreateSubscriptionPage } from '../features/admin/webhooks/CreateSubscriptionPage';
import { SubscriptionDetailPage } from '../features/admin/webhooks/SubscriptionDetailPage';
import { SubscriptionsPage } from '../features/admin/webhooks/SubscriptionsPage';
import { PaymentDetailPage } from '../features/admin/payments/PaymentDetailPage';
import { PaymentsPage } from '../features/admin/payments/PaymentsPage';
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
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/notifications/preferences" element={<NotificationPreferencesPage />} />
          <Route path="/admin/dev-mailbox" element={<RequirePermission permission="notifications.read" />}>
            <Route index element={<DevMailboxPage />} />
          </Route>
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
          <Route path="/registry/areas" element={<RequirePermission permission="areas.read" />}>
            <Route index element={<AreasPage />} />
          </Route>
          <Route path="/registry/institutions" element={<RequirePermission permission="institutions.read" />}>
            <Route index element={<InstitutionsListPage />} />
            <Route
              path="new"
              element={
                <RequirePermission permission="institutions.manage">
                  <CreateInstitutionPage />
                </RequirePermission>
              }
            />
            <Route path=":id" element={<InstitutionDetailPage />} />
            <Route
              path=":id/edit"
              element={
                <RequirePermission permission="institutions.manage">
                  <EditInstitutionPage />
                </RequirePermission>
              }
            />
          </Route>
          <Route path="/registry/learners" element={<RequirePermission permission="learners.read" />}>
            <Route index element={<LearnersListPage />} />
            <Route
              path="new"
              element={
                <RequirePermission permission="learners.manage">
                  <CreateLearnerPage />
                </RequirePermission>
              }
            />
            <Route path=":id" element={<LearnerDetailPage />} />
            <Route
              path=":id/edit"
              element={
                <RequirePermission permission="learners.manage">
                  <EditLearnerPage />
                </RequirePermission>
              }
            />
          </Route>
          <Route path="/registry/staff" element={<RequirePermission permission="staff.read" />}>
            <Route index element={<StaffListPage />} />
            <Route
              path="new"
              element={
                <RequirePermission permission="staff.manage">
                  <CreateStaffMemberPage />
                </RequirePermission>
              }
            />
            <Route path=":id" element={<StaffDetailPage />} />
            <Route
              path=":id/edit"
              element={
                <RequirePermission permission="staff.manage">
                  <EditStaffMemberPage />
                </RequirePermission>
              }
            />
          </Route>
          <Route path="/census" element={<RequirePermission permission="census.read" />}>
            <Route index element={<CensusRoundsPage />} />
            <Route path="returns" element={<CensusReturnsPage />} />
            <Route
              path="returns/new"
              element={
                <RequirePermission permission="census.submit">
                  <StartCensusReturnPage />
                </RequirePermission>
              }
            />
            <Route path="returns/:id" element={<CensusReturnPage />} />
          </Route>
          <Route path="/imports" element={<RequirePermission permission={importPermissions} />}>
            <Route index element={<ImportsListPage />} />
            <Route path="new" element={<ImportWizardPage />} />
            <Route path=":id" element={<ImportWizardPage />} />
          </Route>
          <Route path="/cases" element={<RequirePermission permission="cases.read" />}>
            <Route index element={<CasesListPage />} />
            <Route
              path="new"
              element={
                <RequirePermission permission="cases.manage">
                  <CreateCasePage />
                </RequirePermission>
              }
            />
            <Route
              path="teams"
              element={
                <RequirePermission permission="teams.manage">
                  <TeamsPage />
                </RequirePermission>
              }
            />
            <Route
              path="letter-templates"
              element={
                <RequirePermission permission="letters.manage">
                  <LetterTemplatesPage />
                </RequirePermission>
              }
            />
            <Route
              path="team-admin"
              element={
                <RequirePermission permission="teams.manage">
                  <TeamAdminPage />
                </RequirePermission>
              }
            />
            <Route
              path="reassign"
              element={
                <RequirePermission permission="cases.manage">
                  <ReassignCasesPage />
                </RequirePermission>
              }
            />
            <Route
              path="holidays"
              element={
                <RequirePermission permission="teams.read">
                  <HolidayCalendarsPage />
                </RequirePermission>
              }
            />
            <Route
              path="retention"
              element={
                <RequirePermission permission="cases.retention">
                  <RetentionPage />
                </RequirePermission>
              }
            />
            <Route
              path="reports"
              element={
                <RequirePermission permission="cases.reports">
                  <ReportsPage />
                </RequirePermission>
              }
            />
            <Route path=":id" element={<CaseDetailPage />} />
          </Route>
          <Route path="/documents" element={<RequirePermission permission="documents.read" />}>
            <Route index element={<DocumentsListPage />} />
            <Route
              path="new"
              element={
                <RequirePermission permission="documents.manage">
                  <UploadDocumentPage />
                </RequirePermission>
              }
            />
            <Route path=":id" element={<DocumentDetailPage />} />
          </Route>
          <Route path="/admin/notifications" element={<RequirePermission permission="notifications.read" />}>
            <Route path="templates" element={<TemplatesPage />} />
            <Route path="templates/:event/:channel" element={<TemplateEditorPage />} />
            <Route path="deliveries" element={<DeliveriesPage />} />
          </Route>
          <Route path="/admin/webhooks" element={<RequirePermission permission="webhooks.manage" />}>
            <Route index element={<SubscriptionsPage />} />
            <Route path="new" element={<CreateSubscriptionPage />} />
            <Route path=":id" element={<SubscriptionDetailPage />} />
          </Route>
          <Route path="/admin/payments" element={<RequirePermission permission="payments.read" />}>
            <Route index element={<PaymentsPage />} />
            <Route path=":id" element={<PaymentDetailPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
