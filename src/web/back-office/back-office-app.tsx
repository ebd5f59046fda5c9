import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { UserRole } from '#app/domain/workflow/user-roles.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { BackOfficeLayout, useStaffPageTitle } from '#app/web/back-office/layout/back-office-layout.tsx';
import { SessionProvider, useSession } from '#app/web/back-office/session/session-context.tsx';
import '#app/web/back-office/styles/back-office.css';

// The back office is one lazy chunk loaded under /admin (see main.tsx); its pages split further,
// so a clerk's dashboard does not carry the import review or the audit trail.
const SignInPage = lazy(() => import('#app/web/back-office/sign-in/sign-in-page.tsx'));
const DashboardPage = lazy(() => import('#app/web/back-office/dashboard/dashboard-page.tsx'));
const TripEditorPage = lazy(() => import('#app/web/back-office/trips/trip-editor-page.tsx'));
const OutcomesPage = lazy(() => import('#app/web/back-office/outcomes/outcomes-page.tsx'));
const ImportReviewPage = lazy(() => import('#app/web/back-office/imports/import-review-page.tsx'));
const ReportsPage = lazy(() => import('#app/web/back-office/reports/reports-page.tsx'));
const BudgetsPage = lazy(() => import('#app/web/back-office/budgets/budgets-page.tsx'));
const AuditTrailPage = lazy(() => import('#app/web/back-office/audit/audit-trail-page.tsx'));

function Loading() {
  const bt = useBackOfficeText();
  return (
    <p className="load-note" role="status">
      {bt('loadingText')}
    </p>
  );
}

/** Sends visitors who are not signed in to the sign-in page, and refuses roles the page is not for. */
function Guard({ roles, children }: { roles?: UserRole[]; children: ReactNode }) {
  const { me, can } = useSession();
  const location = useLocation();
  const bt = useBackOfficeText();
  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to={`/admin/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles && !can(...roles)) {
    return (
      <>
        <h1>{bt('forbiddenPage')}</h1>
      </>
    );
  }
  return <>{children}</>;
}

function NotFound() {
  const bt = useBackOfficeText();
  useStaffPageTitle(bt('notFoundTitle'));
  return <h1>{bt('notFoundTitle')}</h1>;
}

/** The back office: its own layout and routes under /admin. */
export default function BackOfficeApp() {
  return (
    <SessionProvider>
      <BackOfficeLayout>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="sign-in" element={<SignInPage />} />
            <Route
              index
              element={
                <Guard>
                  <DashboardPage />
                </Guard>
              }
            />
            <Route
              path="trips/new"
              element={
                <Guard roles={['clerk', 'secretariat']}>
                  <TripEditorPage />
                </Guard>
              }
            />
            <Route
              path="trips/:id"
              element={
                <Guard>
                  <TripEditorPage />
                </Guard>
              }
            />
            <Route
              path="trips/:id/outcomes"
              element={
                <Guard>
                  <OutcomesPage />
                </Guard>
              }
            />
            <Route
              path="imports"
              element={
                <Guard roles={['secretariat']}>
                  <ImportReviewPage />
                </Guard>
              }
            />
            <Route
              path="reports"
              element={
                <Guard roles={['secretariat', 'auditor']}>
                  <ReportsPage />
                </Guard>
              }
            />
            <Route
              path="budgets"
              element={
                <Guard roles={['secretariat', 'auditor']}>
                  <BudgetsPage />
                </Guard>
              }
            />
            <Route
              path="audit"
              element={
                <Guard roles={['secretariat', 'auditor']}>
                  <AuditTrailPage />
                </Guard>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </BackOfficeLayout>
    </SessionProvider>
  );
}
