import { z } from 'zod';

/** What kind of result an outcome item claims; `other` when none of the kinds fits. */
export const outcomeType = z
  .enum(['sister-friendship-city', 'mou-agreement', 'investment', 'event-promotion', 'return-visit', 'route-flight', 'knowledge-adopted', 'other'])
  .describe('sister or friendship city, MOU or cooperation agreement, investment or company commitment, event participation or promotion, return visit received, route or flight opened, knowledge adopted into a city project, other');
export type OutcomeType = z.infer<typeof outcomeType>;

/** Where a claimed result stands: `claimed` as reported, `in-progress`, `realised`, `lapsed`. */
export const outcomeStatus = z.enum(['claimed', 'in-progress', 'realised', 'lapsed']);
export type OutcomeStatus = z.infer<typeof outcomeStatus>;

/** A value the rules proposed (`proposed`) or a person set or accepted (`confirmed`). */
export const proposalState = z.enum(['proposed', 'confirmed']);
export type ProposalState = z.infer<typeof proposalState>;

/** Bilingual labels of the outcome types, for the interface and the council report. */
export const OUTCOME_TYPE_LABELS: Record<OutcomeType, { zh: string; en: string }> = {
  'sister-friendship-city': { zh: '締結姊妹市／友好城市', en: 'Sister or friendship city' },
  'mou-agreement': { zh: '簽署備忘錄／合作協議', en: 'MOU or cooperation agreement' },
  investment: { zh: '招商投資／企業承諾', en: 'Investment or company commitment' },
  'event-promotion': { zh: '出席活動／城市行銷', en: 'Event participation or promotion' },
  'return-visit': { zh: '對方回訪', en: 'Return visit received' },
  'route-flight': { zh: '航線／航班開通', en: 'Route or flight opened' },
  'knowledge-adopted': { zh: '經驗借鏡納入市政', en: 'Knowledge adopted into a city project' },
  other: { zh: '其他', en: 'Other' },
};
