import { z } from 'zod';

/**
 * Where a trip is in its life, from plan to closure. `returned` is "returned for changes"
 * (退回修正); `returned-home` is back from the trip (返國).
 */
export const LIFECYCLE_STATES = [
  'draft',
  'submitted',
  'approved',
  'returned',
  'rejected',
  'travelling',
  'returned-home',
  'settled',
  'report-filed',
  'closed',
  'cancelled',
] as const;
export const lifecycleState = z.enum(LIFECYCLE_STATES).describe('Workflow state of the trip');
export type LifecycleState = z.infer<typeof lifecycleState>;

/** States whose trips the public sees: approved or later, never cancelled or rejected (ADR 0003). */
export const PUBLISHED_STATES: readonly LifecycleState[] = ['approved', 'travelling', 'returned-home', 'settled', 'report-filed', 'closed'];

/** True when the public may see a trip in this state. */
export function isPublished(state: LifecycleState): boolean {
  return PUBLISHED_STATES.includes(state);
}

/** States in which a trip's approved amount is committed against its agency's budget. */
export const COMMITTING_STATES: readonly LifecycleState[] = ['approved', 'travelling', 'returned-home'];

/** States in which a trip's actual cost counts as spent. */
export const SPENDING_STATES: readonly LifecycleState[] = ['settled', 'report-filed', 'closed'];

/** Names shown to people, zh-TW first. */
export const LIFECYCLE_STATE_LABELS: Record<LifecycleState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已送審', en: 'Submitted' },
  approved: { zh: '已核定', en: 'Approved' },
  returned: { zh: '退回修正', en: 'Returned for changes' },
  rejected: { zh: '不予核定', en: 'Rejected' },
  travelling: { zh: '出國中', en: 'Travelling' },
  'returned-home': { zh: '已返國', en: 'Returned home' },
  settled: { zh: '已核銷', en: 'Settled' },
  'report-filed': { zh: '已提出國報告', en: 'Report filed' },
  closed: { zh: '已結案', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/**
 * The state of a trip imported from a published report (ADR 0003): the report disclosed it,
 * so it is public; a settled trip is closed, one still being settled is back home and owes settlement.
 */
export function importedTripState(settlement: 'planned' | 'settling' | 'settled' | 'pending'): LifecycleState {
  switch (settlement) {
    case 'settled':
      return 'closed';
    case 'planned':
      return 'approved';
    default:
      return 'returned-home';
  }
}
