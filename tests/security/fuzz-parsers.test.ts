import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRocDate } from '#app/domain/dates/roc-date.ts';
import { parseRocDateRange } from '#app/domain/dates/roc-date-range.ts';
import { parseHeadcount, splitHeadcount } from '#app/domain/delegation/headcount.ts';
import { parseDelegation } from '#app/domain/delegation/member-list.ts';
import { parseCouncilReport } from '#app/domain/import/council-report-parser.ts';
import { parseTwdAmount } from '#app/domain/money/twd-amount.ts';
import { splitOutcomeItems } from '#app/domain/outcomes/outcome-items.ts';
import { parsePlaces } from '#app/domain/places/place-list.ts';
import { parseChineseNumeral } from '#app/domain/text/chinese-numeral.ts';
import { recordFuzzCases } from '#tests/security/fuzz-counter.ts';

// Text that looks like what the parsers read, mixed with hostile and random input.
const hostile = fc.constantFrom(
  "'; DROP TABLE trips; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '=cmd|" /C calc"!A0',
  '\u0000\u0001\uFFFF',
  '\uD800',
  '１０７／１３／４０－２／３０',
  '新臺幣 999999999999999999999 萬 元',
  '等九十九九人',
  '1. 2. 3. 4.0 616.54 (1)（一）一、①',
  '<ol><li><p></ol></li>',
);
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'0123456789０１２３/／.-－年月日至萬元新臺幣等人、及市長局處'), maxLength: 30 }),
  hostile,
);
const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
const RUNS = 1500;

const parsers: [string, (s: string) => unknown][] = [
  ['parseRocDate', parseRocDate],
  ['parseRocDateRange', (s) => parseRocDateRange(s, { rocYear: 107 })],
  ['parseTwdAmount', parseTwdAmount],
  ['parseHeadcount', parseHeadcount],
  ['splitHeadcount', splitHeadcount],
  ['parseDelegation', parseDelegation],
  ['parsePlaces', parsePlaces],
  ['splitOutcomeItems', splitOutcomeItems],
  ['parseChineseNumeral', parseChineseNumeral],
];

describe('value parsers under hostile input', () => {
  it.each(parsers)('%s never throws and answers a value or a typed error', (_name, parse) => {
    fc.assert(
      fc.property(text, (input) => {
        const result = parse(input) as { ok?: boolean; error?: { code: string; message: string } };
        if (result && typeof result === 'object' && 'ok' in result && result.ok === false) {
          expect(result.error?.code).toBeTruthy();
          expect(result.error?.message).toBeTruthy();
        }
      }),
      { numRuns: RUNS },
    );
    recordFuzzCases('parsers', RUNS);
  });

  it('the document parser survives random tables, huge cells and deep markup', () => {
    const row = fc.array(text, { minLength: 1, maxLength: 8 }).map((cells) => cells.join('\t'));
    const doc = fc.tuple(fc.array(row, { maxLength: 12 }), fc.boolean()).map(([rows, withHeader]) =>
      [withHeader ? '因公出國計畫名稱\t出國日期\t出國地點\t出國人員\t預算經費\t出國內容成效' : '', ...rows].join('\n'),
    );
    fc.assert(
      fc.property(doc, (input) => {
        const parsed = parseCouncilReport(input, { name: 'fuzz.txt', sha256: null });
        expect(Array.isArray(parsed.trips)).toBe(true);
        for (const w of parsed.warnings) expect(typeof w.message).toBe('string');
      }),
      { numRuns: 400 },
    );
    const huge = `因公出國計畫名稱\t出國日期\t出國地點\t出國人員\t預算經費\t出國內容成效\n${'甲'.repeat(200_000)}\t107/1/1-1/2\t日本\t市長林佳龍等二人\t新臺幣 1 萬元\t${'<ol>'.repeat(5000)}1. 成果`;
    expect(parseCouncilReport(huge, { name: 'huge.txt', sha256: null }).trips).toHaveLength(1);
    recordFuzzCases('parsers', 402);
  });
});
