import { describe, expect, it } from 'vitest';
import { dataQualityFindings, overlappingTrips, repeatedListNames } from '#app/domain/import/data-quality-findings.ts';
import { importedValuesOf, mergeImportedValues } from '#app/domain/import/import-merge.ts';
import type { ParsedTrip } from '#app/domain/import/parsed-document.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';

function parsedTrip(overrides: Partial<ParsedTrip>): ParsedTrip {
  return {
    title: '市長率團赴日本參加觀光推廣案',
    start: '2018-03-05',
    end: '2018-03-09',
    destinations: [{ country: '日本', countryCode: 'JP', cities: ['東京'] }],
    members: [{ name: '林大同', title: '市長', agency: '市政府', role: 'leader' }],
    headcount: 5,
    budget: { amount: 478_236, currency: 'TWD', status: 'settled' },
    outcomes: ['舉辦記者會。'],
    purpose: '',
    invitingBody: '',
    source: { line: 10, lines: [10], kind: 'table-row' },
    ...overrides,
  };
}

describe('data-quality findings', () => {
  it('finds a name repeated in one enumeration, and not names repeated across sentences', () => {
    expect(repeatedListNames('邀請荷蘭飛利浦、法國電力集團、美國NVIDIA、思科、SAP、NVIDIA等多家國際大廠')).toEqual(['NVIDIA']);
    expect(repeatedListNames('參訪NVIDIA、ACER、NVIDIA 等企業')).toEqual(['NVIDIA']);
    expect(repeatedListNames('拜會東京都廳、大阪府廳、名古屋市役所。另拜會東京都廳觀光部。')).toEqual([]);
    expect(repeatedListNames('與甲公司洽談投資')).toEqual([]);
  });

  it('finds one person on two trips at once, once per pair, and not back-to-back trips', () => {
    const trips = [
      { title: 'A', start: '2018-03-05', end: '2018-03-09', people: ['林大同', '陳小明'], line: 1, id: null },
      { title: 'B', start: '2018-03-09', end: '2018-03-12', people: ['林大同', '陳小明'], line: 2, id: null },
      { title: 'C', start: '2018-03-13', end: '2018-03-15', people: ['林大同'], line: 3, id: null },
    ];
    expect(overlappingTrips(trips).map((p) => [p.a.title, p.b.title])).toEqual([['A', 'B']]);
  });

  it('reports a headcount below the names listed, and an amount that is not final', () => {
    const findings = dataQualityFindings([
      parsedTrip({ headcount: 1, members: [{ name: '林大同', title: '市長', agency: '市政府', role: 'leader' }, { name: '陳小明', title: '局長', agency: null, role: 'member' }] }),
      parsedTrip({ start: '2019-01-01', end: '2019-01-02', budget: { amount: null, currency: 'TWD', status: 'settling' }, source: { line: 20, lines: [20], kind: 'table-row' } }),
    ]);
    expect(findings.map((f) => [f.line, f.column, f.code])).toEqual([
      [10, 'members', 'headcount-below-names'],
      [20, 'budget', 'amount-not-final'],
    ]);
  });
});

describe('merging a re-imported trip', () => {
  const imported = importedValuesOf(buildTripInput({ title: '甲', headcount: 6 }));

  it('takes the document’s value where the stored one is still what the last import wrote', () => {
    const incoming = { ...imported, headcount: 7 };
    expect(mergeImportedValues(imported, imported, incoming)).toEqual({ next: incoming, updated: ['headcount'], conflicts: [] });
  });

  it('keeps a value edited by hand and reports it, and still updates the other fields', () => {
    const stored = { ...imported, title: '甲（更正）' };
    const incoming = { ...imported, title: '甲乙', 'budget.actual': 500_000 };
    const merge = mergeImportedValues(stored, imported, incoming);
    expect(merge.next.title).toBe('甲（更正）');
    expect(merge.next['budget.actual']).toBe(500_000);
    expect(merge.updated).toEqual(['budget.actual']);
    expect(merge.conflicts).toEqual([{ field: 'title', stored: '甲（更正）', incoming: '甲乙', lastImported: '甲' }]);
  });

  it('treats every differing field of a trip never imported before as a hand edit', () => {
    const merge = mergeImportedValues(imported, null, { ...imported, headcount: 9 });
    expect(merge.next).toEqual(imported);
    expect(merge.conflicts).toEqual([{ field: 'headcount', stored: 6, incoming: 9, lastImported: null }]);
  });

  it('never leaves a trip ending before it starts', () => {
    const stored = { ...imported, end: '2019-05-20' };
    const merge = mergeImportedValues(stored, imported, { ...imported, start: '2019-06-01', end: '2019-06-05' });
    expect([merge.next.start, merge.next.end]).toEqual([imported.start, '2019-05-20']);
    expect(merge.conflicts.map((c) => c.field).sort()).toEqual(['end', 'start']);
  });
});
