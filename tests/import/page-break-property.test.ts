import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCouncilReport } from '#app/domain/import/council-report-parser.ts';
import type { ParsedTrip } from '#app/domain/import/parsed-document.ts';

// Property: a trip table cut by page breaks anywhere (the header repeated, a trip's cells split
// over two or three rows at any character of every cell) reads as the same trips as the uncut table, in
// each of the three table formats; and the uncut table reads as the trips it was written from.

interface Truth {
  title: string;
  start: string;
  end: string;
  country: { name: string; code: string };
  cities: string[];
  members: { title: string; name: string }[];
  headcount: number | null;
  amount: number | null;
  status: 'settled' | 'settling' | 'pending';
  outcomes: string[];
  cells: string[];
}

const COLUMNS = ['因公出國計畫名稱', '出國日期', '出國地點', '出國人員', '預算經費', '出國內容成效'];
const CJK_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const COUNTRIES = [
  { name: '日本', code: 'JP', cities: ['東京', '大阪', '名古屋', '福岡'] },
  { name: '韓國', code: 'KR', cities: ['首爾', '釜山', '昌原'] },
  { name: '美國', code: 'US', cities: ['洛杉磯', '舊金山', '紐約'] },
  { name: '德國', code: 'DE', cities: ['柏林', '慕尼黑'] },
  { name: '法國', code: 'FR', cities: ['巴黎', '里昂'] },
  { name: '新加坡', code: 'SG', cities: [] },
];
const TITLES = ['市長', '副市長', '秘書長', '觀光旅遊局局長', '經濟發展局局長', '新聞局局長', '交通局長'];
const FAMILY = ['王', '李', '陳', '林', '黃', '吳', '周', '蔡'];
const GIVEN = ['大明', '小華', '志遠', '美玲', '建華', '文彥', '國榮', '淑惠', '俊'];
const WORDS = ['赴', '參加', '城市', '交流', '論壇', '觀光', '推廣', '智慧', '產業', '考察', '市政', '參訪', '國際', '合作', '高峰會', '博覽會'];
const SENTENCE_WORDS = ['拜會', '市政府', '簽署', '合作', '備忘錄', '推廣', '本市', '觀光', '產業', '洽談', '投資', '參訪', '園區', '交流'];

function cjkNumber(n: number): string {
  if (n < 10) return CJK_DIGITS[n] ?? '';
  return `${n >= 20 ? CJK_DIGITS[Math.floor(n / 10)] : ''}十${CJK_DIGITS[n % 10]}`;
}

function iso(y: number, m: number, d: number): string {
  return `${y + 1911}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const tripArb: fc.Arbitrary<Truth> = fc
  .record({
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 6 }),
    year: fc.integer({ min: 100, max: 112 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    length: fc.integer({ min: 0, max: 9 }),
    dateForm: fc.constantFrom('slash', 'slash-padded', 'dot', 'worded'),
    country: fc.constantFrom(...COUNTRIES),
    cityCount: fc.integer({ min: 0, max: 2 }),
    people: fc.uniqueArray(fc.record({ title: fc.constantFrom(...TITLES), family: fc.constantFrom(...FAMILY), given: fc.constantFrom(...GIVEN) }), { minLength: 1, maxLength: 3, selector: (p) => p.family + p.given }),
    extra: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    countForm: fc.constantFrom('等', '共'),
    budget: fc.oneof(fc.integer({ min: 1_000, max: 3_000_000 }), fc.constantFrom('核銷中', '尚待彙整')),
    budgetForm: fc.constantFrom('wan', 'nt', 'plain'),
    outcomes: fc.array(fc.array(fc.constantFrom(...SENTENCE_WORDS), { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
  })
  .map((r) => {
    const title = `${r.words.join('')}案`;
    // Start and end as calendar dates; a trip may run into the next month or year.
    const startDate = new Date(Date.UTC(r.year + 1911, r.month - 1, r.day));
    const endDate = new Date(startDate.getTime() + r.length * 86_400_000);
    const ey = endDate.getUTCFullYear() - 1911;
    const em = endDate.getUTCMonth() + 1;
    const ed = endDate.getUTCDate();
    const pad = (n: number) => (r.dateForm === 'slash-padded' ? String(n).padStart(2, '0') : String(n));
    const sameYear = ey === r.year;
    const dateCell =
      r.dateForm === 'dot'
        ? `${r.year}.${r.month}.${r.day}-${ey}.${em}.${ed}`
        : r.dateForm === 'worded'
          ? `${r.year}年${r.month}月${r.day}日至${sameYear ? '' : `${ey}年`}${em}月${ed}日`
          : `${r.year}/${r.month}/${pad(r.day)}-${sameYear ? '' : `${ey}/`}${em}/${pad(ed)}`;
    const cities = r.country.cities.slice(0, r.cityCount);
    const placesCell = `${r.country.name}${cities.join('、')}`;
    const members = r.people.map((p) => ({ title: p.title, name: p.family + p.given }));
    const headcount = r.extra === null ? null : members.length + r.extra;
    const count = headcount === null ? '' : r.countForm === '等' ? `等${cjkNumber(headcount)}人` : `，共 ${headcount} 人`;
    const membersCell = members.map((m) => m.title + m.name).join('、') + count;
    const amount = typeof r.budget === 'number' ? r.budget : null;
    let budgetCell = typeof r.budget === 'string' ? r.budget : '';
    if (amount !== null) {
      const wan = Math.floor(amount / 10_000);
      const rest = amount % 10_000;
      budgetCell =
        r.budgetForm === 'nt' ? `NT$ ${grouped(amount)}` : r.budgetForm === 'plain' || wan === 0 ? `${grouped(amount)} 元` : `新臺幣 ${wan} 萬${rest > 0 ? ` ${grouped(rest)} 元` : '元'}`;
    }
    const outcomes = r.outcomes.map((words) => `${words.join('，')}。`);
    const outcomesCell = outcomes.length === 1 ? outcomes[0]! : outcomes.map((o, i) => `${i + 1}. ${o}`).join(' ');
    return {
      title,
      start: iso(r.year, r.month, r.day),
      end: iso(ey, em, ed),
      country: { name: r.country.name, code: r.country.code },
      cities,
      members,
      headcount,
      amount,
      status: typeof r.budget === 'string' ? (r.budget === '核銷中' ? 'settling' : 'pending') : 'settled',
      outcomes,
      cells: [title, dateCell, placesCell, membersCell, budgetCell, outcomesCell],
    } satisfies Truth;
  });

type Format = 'tsv' | 'markdown' | 'html';

function render(rows: (string[] | 'page-break')[], format: Format, spacedHeader: string[]): string {
  const header = (cells: string[]) => (format === 'tsv' ? cells.join('\t') : format === 'markdown' ? `| ${cells.join(' | ')} |\n|${cells.map(() => '---').join('|')}|` : `<table>\n<tr>${cells.map((c) => `<th>${c}</th>`).join('')}</tr>`);
  const row = (cells: string[]) => (format === 'tsv' ? cells.join('\t') : format === 'markdown' ? `| ${cells.join(' | ')} |` : `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  const out = ['出國案件一覽表', '', header(COLUMNS)];
  for (const r of rows) {
    if (r === 'page-break') out.push(...(format === 'html' ? ['</table>'] : []), '', '- 2 -', '', header(spacedHeader));
    else out.push(row(r));
  }
  if (format === 'html') out.push('</table>');
  return `${out.join('\n')}\n`;
}

function comparable(trips: readonly ParsedTrip[]) {
  return trips.map(({ source: _source, ...rest }) => rest);
}

const cutArb = (trips: Truth[]) =>
  fc.record({
    // Which trips are cut, and for each cell where the first and the second page break fall, as
    // fractions of its length (a second break at or before the first leaves the trip in two rows).
    cuts: fc.array(
      fc.tuple(
        fc.nat(trips.length - 1),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    format: fc.constantFrom<Format>('tsv', 'markdown', 'html'),
    spaces: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  });

describe('page breaks anywhere in a trip table', () => {
  it('the uncut table reads as the trips it was written from', () => {
    fc.assert(
      fc.property(fc.array(tripArb, { minLength: 1, maxLength: 6 }), fc.constantFrom<Format>('tsv', 'markdown', 'html'), (trips, format) => {
        const parsed = parseCouncilReport(render(trips.map((t) => t.cells), format, COLUMNS), { name: 't', sha256: null });
        expect(parsed.format).toBe(format);
        expect(
          parsed.trips.map((t) => ({ title: t.title, start: t.start, end: t.end, members: t.members.map((m) => ({ title: m.title, name: m.name })), headcount: t.headcount, amount: t.budget.amount, status: t.budget.status, outcomes: t.outcomes, destinations: t.destinations })),
        ).toEqual(
          trips.map((t) => ({ title: t.title, start: t.start, end: t.end, members: t.members, headcount: t.headcount, amount: t.amount, status: t.status, outcomes: t.outcomes, destinations: [{ country: t.country.name, countryCode: t.country.code, cities: t.cities }] })),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('a table cut at any character of any cell, with the header repeated, reads as the uncut table', () => {
    fc.assert(
      fc.property(
        fc.array(tripArb, { minLength: 2, maxLength: 6 }).chain((trips) => fc.tuple(fc.constant(trips), cutArb(trips))),
        ([trips, { cuts, format, spaces }]) => {
          const uncut = parseCouncilReport(render(trips.map((t) => t.cells), format, COLUMNS), { name: 't', sha256: null });
          const cutAt = new Map(cuts.map(([index, fractions, twice]) => [index, { fractions, twice }]));
          const rows: (string[] | 'page-break')[] = [];
          trips.forEach((trip, index) => {
            const cut = cutAt.get(index);
            if (!cut) {
              rows.push(trip.cells);
              return;
            }
            // Cells are top-aligned, so every non-empty cell keeps at least one character on the first page.
            const first = trip.cells.map((cell, i) => Math.max(1, Math.ceil((cut.fractions[i]?.[0] ?? 1) * cell.length)));
            const second = trip.cells.map((cell, i) => Math.max(first[i] ?? 0, Math.ceil((cut.fractions[i]?.[1] ?? 1) * cell.length)));
            rows.push(trip.cells.map((cell, i) => cell.slice(0, first[i])));
            rows.push('page-break');
            if (cut.twice) {
              // A trip over three pages: the middle row holds what fits between the two breaks, often little.
              rows.push(trip.cells.map((cell, i) => cell.slice(first[i], second[i])));
              rows.push('page-break');
              rows.push(trip.cells.map((cell, i) => cell.slice(second[i])));
            } else rows.push(trip.cells.map((cell, i) => cell.slice(first[i])));
          });
          // A page-break header may come out with spaces inside its words (出國 日期).
          const spacedHeader = COLUMNS.map((c, i) => (spaces[i] ? `${c.slice(0, 2)} ${c.slice(2)}` : c));
          const cut = parseCouncilReport(render(rows, format, spacedHeader), { name: 't', sha256: null });
          expect(comparable(cut.trips)).toEqual(comparable(uncut.trips));
        },
      ),
      { numRuns: 400 },
    );
  });
});
