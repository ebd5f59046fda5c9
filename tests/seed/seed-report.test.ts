import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCouncilReport } from '#app/domain/import/council-report-parser.ts';
import expected from '#tests/fixtures/seed-expected-trips.json' with { type: 'json' };

// The expected values were checked by hand against the report (samples/…-2018-05-11.txt),
// trip by trip and item by item; this test holds them so every change to the importer is
// measured against all 14 trips and 59 outcome items.
const text = readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');
const parsed = parseCouncilReport(text, { name: 'taichung-council-report-2018-05-11.txt', sha256: null });

describe('the seed council report', () => {
  it('yields the 14 trips of the table and the footnote', () => {
    expect(parsed.trips).toHaveLength(14);
    expect(parsed.trips.map((t) => t.source.kind).filter((k) => k === 'footnote')).toHaveLength(1);
  });

  it.each(expected.map((trip, index) => [index + 1, trip.title, trip] as const))('trip %i %s matches the report field by field', (index, _title, want) => {
    const got = parsed.trips[index - 1]!;
    expect({
      title: got.title,
      start: got.start,
      end: got.end,
      destinations: got.destinations,
      members: got.members.map((m) => ({ title: m.title, name: m.name })),
      headcount: got.headcount,
      budget: got.budget,
      outcomes: got.outcomes,
    }).toEqual(want);
  });

  it('rejoins what page breaks cut', () => {
    const byStart = (iso: string) => parsed.trips.find((t) => t.start === iso)!;
    expect(byStart('2015-04-06').outcomes[2]).toBe('出席「2015 地方環境行動國際委員會世界大會」（ICLEI World Congress 2015）並共同簽署「首爾宣言」。');
    expect(byStart('2017-11-19').budget).toEqual({ amount: 108170, currency: 'TWD', status: 'settled' });
    expect(byStart('2017-11-19').title).toBe('市長率團赴外蒙古拜會 EAOC 會員國');
    expect(byStart('2016-04-10').title).toBe('臺中市政府赴新加坡進行城市交流暨市政參訪');
    expect(byStart('2016-09-22').members.at(-1)).toMatchObject({ title: '社會局局長', name: '呂建德' });
    expect(byStart('2016-09-22').destinations).toEqual([
      { country: '荷蘭', countryCode: 'NL', cities: ['阿姆斯特丹'] },
      { country: '德國', countryCode: 'DE', cities: ['波昂'] },
    ]);
  });

  it('dates the Changwon trip from its neighbours and says so', () => {
    const changwon = parsed.trips.find((t) => t.title === '本府派員赴韓國進行市政交流')!;
    expect([changwon.start, changwon.end]).toEqual(['2018-04-10', '2018-04-12']);
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ line: 186, code: 'year-from-context', message: 'year of 4/10-4/12 taken from the previous trip: 107' }));
  });

  it('adds up to the report’s known total and marks three trips as being settled', () => {
    const amounts = parsed.trips.map((t) => t.budget.amount).filter((a): a is number => a !== null);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(7_836_797);
    expect(parsed.trips.filter((t) => t.budget.status === 'settling')).toHaveLength(3);
    expect(parsed.trips.filter((t) => t.budget.status === 'pending').map((t) => t.title)).toEqual(['2018 年墨西哥世界設計之都及考察計畫']);
  });

  it('has 59 outcome items', () => {
    expect(parsed.trips.reduce((n, t) => n + t.outcomes.length, 0)).toBe(59);
  });

  it('keeps headcounts apart from the names listed', () => {
    expect(parsed.trips.map((t) => t.headcount)).toEqual([7, 6, 7, 7, 13, 7, 5, 9, 6, 2, 4, 4, 4, null]);
    expect(parsed.trips.map((t) => t.members.length)).toEqual([2, 2, 2, 2, 5, 3, 2, 3, 2, 1, 2, 2, 2, 1]);
  });
});
