import type { FollowUp } from '#app/domain/outcomes/follow-up-schema.ts';
import type { OutcomeStatus, OutcomeType } from '#app/domain/outcomes/outcome-types.ts';
import type { PartnerKind } from '#app/domain/partners/partner-schema.ts';
import { rocDate } from '#app/web/format/roc-date.ts';
import { RocDate } from '#app/web/format/roc-date-view.tsx';
import type { MessageKey } from '#app/web/i18n/messages.ts';

// Message keys of the outcome, partner, workflow and field names the public pages show. Kept as
// key tables (type imports only), so the page chunks carry no schema code.

export const PARTNER_KIND_KEYS = { city: 'kindCity', organisation: 'kindOrganisation', person: 'kindPerson' } as const satisfies Record<PartnerKind, MessageKey>;

export const OUTCOME_TYPE_KEYS = {
  'sister-friendship-city': 'outcomeTypeSisterFriendshipCity',
  'mou-agreement': 'outcomeTypeMouAgreement',
  investment: 'outcomeTypeInvestment',
  'event-promotion': 'outcomeTypeEventPromotion',
  'return-visit': 'outcomeTypeReturnVisit',
  'route-flight': 'outcomeTypeRouteFlight',
  'knowledge-adopted': 'outcomeTypeKnowledgeAdopted',
  other: 'outcomeTypeOther',
} as const satisfies Record<OutcomeType, MessageKey>;

export const OUTCOME_STATUS_KEYS = { claimed: 'outcomeStatusClaimed', 'in-progress': 'outcomeStatusInProgress', realised: 'outcomeStatusRealised', lapsed: 'outcomeStatusLapsed' } as const satisfies Record<OutcomeStatus, MessageKey>;

export const FOLLOW_UP_STATUS_KEYS = { open: 'followUpOpen', done: 'followUpDone', cancelled: 'followUpCancelled' } as const satisfies Record<FollowUp['status'], MessageKey>;

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
