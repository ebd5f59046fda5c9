import { rocDate } from '#app/web/format/roc-date.ts';
import { RocDate } from '#app/web/format/roc-date-view.tsx';
import type { MessageKey } from '#app/web/i18n/messages.ts';

// Message keys of the workflow and field names the public pages show (outcome, follow-up and
// partner names are in #app/web/i18n/messages.ts, shared with the back office). Kept as
// key tables (type imports only), so the page chunks carry no schema code.

/** Names of the trip fields the public history may list. */
export const TRIP_FIELD_KEYS: Record<string, MessageKey> = {
  title: 'tripFieldTitle',
  purpose: 'tripFieldPurpose',
  category: 'tripFieldCategory',
  organisingAgency: 'tripFieldOrganisingAgency',
  invitingBody: 'tripFieldInvitingBody',
  start: 'tripFieldStart',
  end: 'tripFieldEnd',
  destinations: 'tripFieldDestinations',
  members: 'tripFieldMembers',
  headcount: 'tripFieldHeadcount',
  budget: 'tripFieldBudget',
  outcomes: 'tripFieldOutcomes',
  source: 'tripFieldSource',
  topics: 'tripFieldTopics',
  themes: 'tripFieldThemes',
  expectedBenefits: 'tripFieldExpectedBenefits',
  days: 'tripFieldDays',
  crossStraitSteps: 'tripFieldCrossStraitSteps',
  report: 'tripFieldReport',
  varianceExplanation: 'tripFieldVarianceExplanation',
  crossStrait: 'tripFieldCrossStrait',
};

/** A date that may be a month only (follow-ups are often dated 106 年 10 月): 2017-10 → 106/10, in `<time>` with the ISO form on hover. */
export function RocDay({ value }: { value: string }) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return <RocDate iso={value} />;
  const [y, m] = value.split('-').map(Number);
  if (!y || !m) return <>{value}</>;
  return (
    <time dateTime={value} title={value}>
      {`${rocDate(`${value}-01`).split('/').slice(0, 2).join('/')}`}
    </time>
  );
}

/** The calendar date in Taiwan of an instant (audit times are UTC). */
export function taipeiDate(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant.slice(0, 10);
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
