import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposeOutcomeType } from '#app/domain/outcomes/outcome-type-rules.ts';
import { outcomeType } from '#app/domain/outcomes/outcome-types.ts';
import { scoreProposals } from '#app/domain/outcomes/proposal-scores.ts';
import { parseDocument } from '#app/import/import-document.ts';
import expectedTypes from '#tests/outcomes/seed-outcome-types.json' with { type: 'json' };

// The expected type of each of the seed's 59 outcome items was set by reading the item (see the
// `note` of the ambiguous ones), not by running the rules. The figures printed here are the ones
// in docs/outcomes.md; the test fails if the rules get worse than them or the docs go stale.

const seed = readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');
const items = parseDocument(seed, 'taichung-council-report-2018-05-11.txt').trips.flatMap((t) => t.outcomes);
const docs = readFileSync(new URL('../../docs/outcomes.md', import.meta.url), 'utf8');
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);

describe('outcome type proposals on the seed report', () => {
  it('has an expected type for each of the 59 items, aligned with the parsed text', () => {
    expect(items).toHaveLength(59);
    expect(expectedTypes).toHaveLength(59);
    expectedTypes.forEach((e, i) => {
      expect(items[i]?.startsWith(e.opening), `item ${e.item}`).toBe(true);
      expect(outcomeType.safeParse(e.type).success).toBe(true);
    });
  });

  it('proposes the expected type for most items, and the docs state the measured figures', () => {
    const pairs = expectedTypes.map((e, i) => ({ expected: e.type, proposed: proposeOutcomeType(items[i] ?? '').type, item: e.item }));
    const scores = scoreProposals(pairs);
    const misses = pairs.filter((p) => p.expected !== p.proposed).map((p) => `#${p.item} expected ${p.expected}, proposed ${p.proposed}`);
    console.info(
      [
        `accuracy (micro precision = micro recall) ${scores.correct}/${scores.items} = ${pct(scores.accuracy)}`,
        `macro precision ${pct(scores.macroPrecision)}, macro recall ${pct(scores.macroRecall)}`,
        ...scores.perLabel.map((s) => `${s.label}: precision ${pct(s.precision)} (${s.correct}/${s.proposed}), recall ${pct(s.recall)} (${s.correct}/${s.expected})`),
        ...misses,
      ].join('\n'),
    );
    expect(scores.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(docs).toContain(`${scores.correct}/${scores.items} = ${pct(scores.accuracy)}`);
    expect(docs).toContain(`macro precision ${pct(scores.macroPrecision)}, macro recall ${pct(scores.macroRecall)}`);
  });

  it('proposes from the words, not from the item’s position', () => {
    expect(proposeOutcomeType('與以色列珮塔提克瓦締結姊妹市關係').type).toBe('sister-friendship-city');
    expect(proposeOutcomeType('雙方簽署「花博互相參展合作備忘錄」').type).toBe('mou-agreement');
    expect(proposeOutcomeType('出席論壇並簽署合作備忘錄').type).toBe('mou-agreement');
    expect(proposeOutcomeType('與投資人交流').type).toBe('other');
    expect(proposeOutcomeType('105 年 10 月烏市應邀率經貿團回訪').type).toBe('return-visit');
    expect(proposeOutcomeType('推動兩地包機直飛').type).toBe('route-flight');
    expect(proposeOutcomeType('借鏡其經驗').type).toBe('knowledge-adopted');
    expect(proposeOutcomeType('出席記者會').type).toBe('event-promotion');
    expect(proposeOutcomeType('拜會市長').type).toBe('other');
  });
});
