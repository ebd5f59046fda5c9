import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCouncilReport } from '#app/domain/import/council-report-parser.ts';

// Documents written for these tests, one per table form, each with the trips a person reads in
// it (checked by hand against the document) and the warnings and findings it must raise.
const FIXTURES = ['tsv-reordered-page-breaks.txt', 'markdown-missing-column.md', 'html-fragment.html'];

function load(name: string) {
  const text = readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
  const expected = JSON.parse(readFileSync(new URL(`../fixtures/import/${name.replace(/\.[a-z]+$/, '.expected.json')}`, import.meta.url), 'utf8')) as {
    format: string;
    trips: unknown[];
    warnings: unknown[];
    findings: unknown[];
  };
  return { parsed: parseCouncilReport(text, { name, sha256: null }), expected };
}

describe.each(FIXTURES)('%s', (name) => {
  const { parsed, expected } = load(name);

  it('is read in its own table format', () => {
    expect(parsed.format).toBe(expected.format);
  });

  it('yields the expected trips field by field', () => {
    const got = parsed.trips.map((t) => ({ title: t.title, start: t.start, end: t.end, destinations: t.destinations, members: t.members.map((m) => ({ title: m.title, name: m.name })), headcount: t.headcount, budget: t.budget, outcomes: t.outcomes }));
    expect(got).toEqual(expected.trips);
  });

  it('raises the expected warnings and findings, each saying where and what was assumed', () => {
    expect(parsed.warnings.map((w) => ({ line: w.line, column: w.column, code: w.code }))).toEqual(expected.warnings);
    expect(parsed.findings.map((w) => ({ line: w.line, column: w.column, code: w.code }))).toEqual(expected.findings);
    for (const w of [...parsed.warnings, ...parsed.findings]) {
      expect(w.line).toBeGreaterThan(0);
      expect(w.column).not.toBeNull();
      // The year-from-context wording is fixed by the seed test; its line is in the line field.
      if (w.code !== 'year-from-context') expect(w.message).toMatch(new RegExp(`line ${w.line}\\b`));
      expect(w.assumed.length).toBeGreaterThan(5);
    }
  });
});

describe('the Taoyuan TSV with reordered columns and page breaks', () => {
  const { parsed } = load('tsv-reordered-page-breaks.txt');
  const first = parsed.trips[0]!;

  it('joins a trip cut in a word, an amount, a date and a name', () => {
    expect(first.title).toBe('市長率團赴美國洛杉磯參加國際消費電子展');
    expect([first.start, first.end]).toEqual(['2019-12-28', '2020-01-03']);
    expect(first.budget).toEqual({ amount: 2_053_118, currency: 'TWD', status: 'settled' });
    expect(first.members.map((m) => `${m.title}/${m.name}`)).toEqual(['市長/鄭大同', '經濟發展局局長/黃建華']);
    expect(first.source.lines).toEqual([6, 11]);
  });

  it('reads ROC dot, 年月日 and full-width dates, 共/計 headcounts and 尚待核銷/尚待彙整', () => {
    expect(parsed.trips.slice(1, 5).map((t) => [t.start, t.end, t.headcount, t.budget.status])).toEqual([
      ['2020-03-02', '2020-03-06', 3, 'settled'],
      ['2020-08-17', '2020-08-21', 4, 'settled'],
      ['2020-10-05', '2020-10-09', 3, 'settling'],
      ['2020-11-20', '2020-11-22', 2, 'pending'],
    ]);
    expect(parsed.trips[2]!.budget.amount).toBe(482_000);
  });

  it('says which year it gave a date without one, and turns the footnote into a pending trip', () => {
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ line: 15, column: 'dates', code: 'year-from-context', message: 'year of 11/20-11/22 taken from the previous trip: 109' }));
    expect(parsed.trips.at(-1)).toMatchObject({ title: '赴泰國曼谷參加亞洲城市觀光論壇', budget: { status: 'pending', amount: null }, source: { kind: 'footnote', line: 17 } });
  });

  it('finds the name listed twice in one outcome', () => {
    expect(parsed.findings).toContainEqual(expect.objectContaining({ line: 6, code: 'repeated-name-in-outcome', message: expect.stringContaining('NVIDIA twice') }));
  });
});

describe('the Markdown table without an outcomes column', () => {
  const { parsed } = load('markdown-missing-column.md');

  it('warns once about the missing column and still reads every trip', () => {
    expect(parsed.warnings.filter((w) => w.code === 'missing-column')).toEqual([
      expect.objectContaining({ line: 5, column: 'outcomes', assumed: "every trip's outcomes is left empty" }),
    ]);
    expect(parsed.trips).toHaveLength(3);
    expect(parsed.trips[1]!.title).toBe('赴日本參加城市|交通論壇');
  });
});

describe('the HTML fragment', () => {
  const { parsed } = load('html-fragment.html');

  it('decodes entities, keeps list markup for outcomes and skips a row that spans the table', () => {
    expect(parsed.trips[0]!.title).toBe('赴美國參加智慧城市博覽會 & 城市論壇');
    expect(parsed.trips[0]!.budget.amount).toBe(754_321);
    expect(parsed.trips[0]!.outcomes).toHaveLength(2);
    expect(parsed.trips.map((t) => t.title)).not.toContainEqual(expect.stringContaining('分隔說明'));
  });

  it('joins a trip split across two tables at a page break', () => {
    expect(parsed.trips[1]).toMatchObject({
      title: '赴越南胡志明市推廣嘉義農產品',
      start: '2023-06-12',
      end: '2023-06-15',
      destinations: [{ country: '越南', countryCode: 'VN', cities: ['胡志明市'] }],
      members: [{ title: '農業處處長', name: '吳建國' }],
      headcount: 2,
      budget: { amount: 123_456, status: 'settled' },
      outcomes: ['參加臺灣形象展，推廣嘉義雞肉飯及農產品。', '拜會胡志明市農業廳，洽談農產品通路合作。'],
    });
  });
});
