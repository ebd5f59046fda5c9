import { Link } from 'react-router';
import { AllTrips, BudgetStatus, ClerkTrips, DeadlineSection, ReviewQueue } from '#app/web/back-office/dashboard/dashboard-sections.tsx';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useStaffPageTitle } from '#app/web/back-office/layout/back-office-layout.tsx';
import { useSession } from '#app/web/back-office/session/session-context.tsx';

/** One dashboard whose sections follow the user's roles: clerk, secretariat, approver, auditor. */
export default function DashboardPage() {
  const bt = useBackOfficeText();
  const { me } = useSession();
  useStaffPageTitle(bt('dashboardTitle'));
  if (!me) return null;
  const has = (role: string) => me.roles.includes(role as never) || me.roles.includes('admin');
  return (
    <>
      <h1>{bt('dashboardTitle')}</h1>
      <div className="dashboard">
        {has('clerk') && <ClerkTrips me={me} />}
        {has('clerk') && <DeadlineSection overdueOnly={false} />}
        {(has('secretariat') || has('approver')) && <ReviewQueue />}
        {(has('secretariat') || has('auditor')) && <BudgetStatus />}
        {(has('secretariat') || has('auditor')) && <DeadlineSection overdueOnly />}
        {(has('auditor') || has('secretariat')) && <AllTrips />}
        {has('auditor') && (
          <section className="panel" aria-labelledby="audit-link">
            <h2 id="audit-link">{bt('auditLatestTitle')}</h2>
            <p>
              <Link to="/admin/audit">{bt('auditIntro')}</Link>
            </p>
          </section>
        )}
      </div>
    </>
  );
}
