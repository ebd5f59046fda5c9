import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRocDate, gregorianToRocYear, parseRocDate, readWrittenDate, rocParts, rocToGregorianYear, toIsoDate } from '#app/domain/dates/roc-date.ts';

describe('ROC year conversion', () => {
  it.each([
    [1, 1912],
    [100, 2011],
    [107, 2018],
    [114, 2025],
  ])('ROC %i is %i', (roc, year) => {
    expect(rocToGregorianYear(roc)).toBe(year);
    expect(gregorianToRocYear(year)).toBe(roc);
  });
});

describe('parseRocDate', () => {
  it.each([
    ['107/4/10', '2018-04-10'],
    ['107/04/10', '2018-04-10'],
    ['107.4.10', '2018-04-10'],
    ['107-4-10', '2018-04-10'],
    ['107年4月10日', '2018-04-10'],
    ['107年4月10號', '2018-04-10'],
    ['107年4月10', '2018-04-10'],
    ['民國107年4月10日', '2018-04-10'],
    ['中華民國107年4月10日', '2018-04-10'],
    ['民國107/4/10', '2018-04-10'],
    ['民國一〇七年四月十日', '2018-04-10'],
    ['一〇七年十二月三十一日', '2018-12-31'],
    ['１０７／４／１０', '2018-04-10'],
    ['１０７．４．１０', '2018-04-10'],
    ['１０７年４月１０日', '2018-04-10'],
    ['105/ 9/22', '2016-09-22'],
    [' 107 / 4 / 10 ', '2018-04-10'],
    ['107 年 4 月 10 日', '2018-04-10'],
    ['2018-04-10', '2018-04-10'],
    ['2018/4/10', '2018-04-10'],
    ['2018年4月10日', '2018-04-10'],
    ['1/1/1', '1912-01-01'],
    ['99/12/31', '2010-12-31'],
    ['109/2/29', '2020-02-29'],
    ['89/2/29', '2000-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['107/1/31', '2018-01-31'],
    ['107/4/30', '2018-04-30'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseRocDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['', 'empty', 'the date is empty'],
    ['  ', 'empty', 'the date is empty'],
    ['abc', 'unreadable', '"abc" is not a date; expected a form like 107/4/10, 107年4月10日 or 2018-04-10'],
    ['107', 'unreadable', '"107" is not a date; expected a form like 107/4/10, 107年4月10日 or 2018-04-10'],
    ['10日', 'unreadable', '"10日" is not a date; expected a form like 107/4/10, 107年4月10日 or 2018-04-10'],
    ['107/4/10/1', 'unreadable', '"107/4/10/1" is not a date; expected a form like 107/4/10, 107年4月10日 or 2018-04-10'],
    ['107/4-10', 'unreadable', '"107/4-10" is not a date; expected a form like 107/4/10, 107年4月10日 or 2018-04-10'],
    ['107年10日', 'unreadable', '"107年10日" is not a date; expected a form like 107/4/10, 107年4月10日 or 2018-04-10'],
    ['107年十十月1日', 'unreadable', '"107年十十月1日" is not a date; expected a form like 107/4/10, 107年4月10日 or 2018-04-10'],
    ['4/10', 'missing-year', '"4/10" has no year'],
    ['4月10日', 'missing-year', '"4月10日" has no year'],
    ['107/13/01', 'invalid-month', 'month 13 is not a month in "107/13/01"'],
    ['107/0/01', 'invalid-month', 'month 0 is not a month in "107/0/01"'],
    ['107/2/30', 'invalid-day', 'day 30 is not in February 2018, which has 28 days, in "107/2/30"'],
    ['107/2/29', 'invalid-day', 'day 29 is not in February 2018, which has 28 days, in "107/2/29"'],
    ['89/2/30', 'invalid-day', 'day 30 is not in February 2000, which has 29 days, in "89/2/30"'],
    ['2100-02-29', 'invalid-day', 'day 29 is not in February 2100, which has 28 days, in "2100-02-29"'],
    ['107/4/31', 'invalid-day', 'day 31 is not in April 2018, which has 30 days, in "107/4/31"'],
    ['107/4/0', 'invalid-day', 'day 0 is not a day in "107/4/0"'],
    ['0/4/10', 'invalid-year', 'year 0 is not a year in "0/4/10"'],
    ['民國2018年4月10日', 'invalid-year', 'ROC year 2018 is not plausible in "民國2018年4月10日"; ROC years have at most three digits'],
  ])('rejects %j with %s', (text, code, message) => {
    expect(parseRocDate(text)).toEqual({ ok: false, error: { kind: 'date', code, input: text, message } });
  });
});

describe('readWrittenDate', () => {
  it.each([
    ['4/10', { year: null, rocEra: false, month: 4, day: 10 }],
    ['22', { year: null, rocEra: false, month: null, day: 22 }],
    ['22日', { year: null, rocEra: false, month: null, day: 22 }],
    ['11月22日', { year: null, rocEra: false, month: 11, day: 22 }],
    ['民國108年1月3日', { year: 108, rocEra: true, month: 1, day: 3 }],
  ])('reads the shape of %j', (text, shape) => {
    expect(readWrittenDate(text)).toEqual(shape);
  });
  it.each(['', '107', '民國', '民國4月10日', 'x/1/2'])('finds no date shape in %j', (text) => {
    expect(readWrittenDate(text)).toBeNull();
  });
});

describe('toIsoDate', () => {
  it('treats years below 1000 as ROC and from 1000 on as Gregorian', () => {
    expect(toIsoDate(999, false, 1, 1, 'x')).toEqual({ ok: true, value: '2910-01-01' });
    expect(toIsoDate(1000, false, 1, 1, 'x')).toEqual({ ok: true, value: '1000-01-01' });
  });
});

describe('formatRocDate', () => {
  it.each([
    ['2018-04-10', 'slash', '107/4/10'],
    ['2018-04-10', 'long', '107年4月10日'],
    ['1912-01-01', 'slash', '1/1/1'],
    ['2019-12-28', 'slash', '108/12/28'],
  ] as const)('shows %s (%s) as %s', (iso, style, shown) => {
    expect(formatRocDate(iso, style)).toBe(shown);
  });
  it('defaults to the slash style', () => {
    expect(formatRocDate('2016-09-22')).toBe('105/9/22');
  });
  it.each(['', '107/4/10', '2018-4-10', '2018-02-30', '1911-12-31', 'garbage'])('returns %j unchanged because it is no ISO date from 1912 on', (text) => {
    expect(formatRocDate(text)).toBe(text);
    expect(rocParts(text)).toBeNull();
  });
});

const anyIsoDate = fc
  .date({ min: new Date(Date.UTC(1912, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('round trip', () => {
  it('parseRocDate(formatRocDate(iso)) is iso for every date 1912–2200, in both styles', () => {
    fc.assert(
      fc.property(anyIsoDate, fc.constantFrom('slash' as const, 'long' as const), (iso, style) => {
        expect(parseRocDate(formatRocDate(iso, style))).toEqual({ ok: true, value: iso });
      }),
      { numRuns: 2000 },
    );
  });
  it('accepts every ISO date as-is', () => {
    fc.assert(
      fc.property(anyIsoDate, (iso) => {
        expect(parseRocDate(iso)).toEqual({ ok: true, value: iso });
      }),
    );
  });
});
