import type { OutcomeType } from '#app/domain/outcomes/outcome-types.ts';

/** A type proposed for an outcome text, with the rule and the words that fired it. */
export interface TypeProposal {
  type: OutcomeType;
  rule: string;
  /** The words in the text that fired the rule; empty for the `other` fallback. */
  matched: string;
}

interface TypeRule {
  id: string;
  type: OutcomeType;
  pattern: RegExp;
}

// Rules for what a trip brought home. Of these, the one matching earliest in the text wins:
// an item starts with what the trip itself did (簽署備忘錄) and goes on to what followed
// (回訪, 締結友好城市 a year later), and the council asked what the trip did.
const RESULT_RULES: readonly TypeRule[] = [
  { id: 'twinning', type: 'sister-friendship-city', pattern: /締結[^。；，]{0,6}?(?:姊妹市|姐妹市|友好城市|友好關係)|簽署友好城市|締盟|結為姊妹市/ },
  { id: 'signed-agreement', type: 'mou-agreement', pattern: /(?:簽署|簽訂|簽定)[^。；]{0,40}?(?:備忘錄|協議|協定)|(?:簽署|簽訂)交流合作/ },
  { id: 'investment', type: 'investment', pattern: /招商|擴廠|設廠|增資|投資(?!人)/ },
  { id: 'route', type: 'route-flight', pattern: /航班|包機|直飛|航線|首航|姊妹機場/ },
  { id: 'return-visit', type: 'return-visit', pattern: /回訪|蒞市|蒞府|來訪|至本市/ },
  { id: 'knowledge', type: 'knowledge-adopted', pattern: /借鏡|參考|師法|汲取|取經|取其理念|學習/ },
];

// Attending or hosting an event is the weakest claim: it applies only when no result rule fires,
// since nearly every item that signs something also says where it was signed (出席…活動，簽署…).
const EVENT_RULE: TypeRule = {
  id: 'event',
  type: 'event-promotion',
  pattern: /出席|參加|參與|舉辦|舉行|記者會|行銷|宣傳|展覽|博覽會/,
};

/** Proposes one type for an outcome text by rules over its words; `other` when no rule fires. */
export function proposeOutcomeType(text: string): TypeProposal {
  let best: { rule: TypeRule; index: number; matched: string } | null = null;
  for (const rule of RESULT_RULES) {
    const match = rule.pattern.exec(text);
    if (match && (best === null || match.index < best.index)) best = { rule, index: match.index, matched: match[0] };
  }
  if (best) return { type: best.rule.type, rule: best.rule.id, matched: best.matched };
  const event = EVENT_RULE.pattern.exec(text);
  if (event) return { type: EVENT_RULE.type, rule: EVENT_RULE.id, matched: event[0] };
  return { type: 'other', rule: 'fallback', matched: '' };
}
