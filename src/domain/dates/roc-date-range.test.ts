import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRocDateRange, parseRocDateRange } from '#app/domain/dates/roc-date-range.ts';

describe('parseRocDateRange', () => {
  it.each([
    ['104/4/06-4/11', '2015-04-06', '2015-04-11'],
    ['105/ 9/22- 9/30', '2016-09-22', '2016-09-30'],
    ['105/3/28-4/01', '2016-03-28', '2016-04-01'],
    ['108/12/28-109/1/03', '2019-12-28', '2020-01-03'],
    ['108/12/28-1/03', '2019-12-28', '2020-01-03'],
    ['108年11月18日至11月22日', '2019-11-18', '2019-11-22'],
    ['108年11月18日至22日', '2019-11-18', '2019-11-22'],
    ['108年11月18日起至22日止', '2019-11-18', '2019-11-22'],
    ['民國108年12月28日至109年1月3日', '2019-12-28', '2020-01-03'],
    ['109.3.5-3.8', '2020-03-05', '2020-03-08'],
    ['１０９／２／１０－２／１４', '2020-02-10', '2020-02-14'],
    ['109/2/10－2/14', '2020-02-10', '2020-02-14'],
    ['109/2/10–2/14', '2020-02-10', '2020-02-14'],
    ['109/2/10—2/14', '2020-02-10', '2020-02-14'],
    ['109/2/10~2/14', '2020-02-10', '2020-02-14'],
    ['109/2/10～2/14', '2020-02-10', '2020-02-14'],
    ['109/2/10〜2/14', '2020-02-10', '2020-02-14'],
    ['109/2/10至2/14', '2020-02-10', '2020-02-14'],
    ['109/2/10到2/14', '2020-02-10', '2020-02-14'],
    ['109/2/10 - 14', '2020-02-10', '2020-02-14'],
    ['109-2-10-109-2-14', '2020-02-10', '2020-02-14'],
    ['109-2-10-2-14', '2020-02-10', '2020-02-14'],
    ['109-2-10至2-14', '2020-02-10', '2020-02-14'],
    ['2019-12-28-2020-01-03', '2019-12-28', '2020-01-03'],
    ['107/4/10', '2018-04-10', '2018-04-10'],
    ['107-4-10', '2018-04-10', '2018-04-10'],
    ['107年4月10日', '2018-04-10', '2018-04-10'],
    ['106/\n11/19-11/21', '2017-11-19', '2017-11-21'],
    ['107/4/19-4/25', '2018-04-19', '2018-04-25'],
    ['107/4/10-4/10', '2018-04-10', '2018-04-10'],
    ['108/2/28-3/1', '2019-02-28', '2019-03-01'],
  ])('reads %j', (text, start, end) => {
    expect(parseRocDateRange(text)).toEqual({ ok: true, value: { start, end, yearFromContext: false } });
  });

  it('takes the year from the context when the text has none', () => {
    expect(parseRocDateRange('4/10-4/12', { rocYear: 107 })).toEqual({ ok: true, value: { start: '2018-04-10', end: '2018-04-12', yearFromContext: true } });
    expect(parseRocDateRange('4月10日至12日', { rocYear: 107 })).toEqual({ ok: true, value: { start: '2018-04-10', end: '2018-04-12', yearFromContext: true } });
    expect(parseRocDateRange('12/28-1/3', { rocYear: 108 })).toEqual({ ok: true, value: { start: '2019-12-28', end: '2020-01-03', yearFromContext: true } });
    expect(parseRocDateRange('4/10', { rocYear: 107 })).toEqual({ ok: true, value: { start: '2018-04-10', end: '2018-04-10', yearFromContext: true } });
  });

  it('ignores the context when the text has its own year', () => {
    expect(parseRocDateRange('105/4/10-4/12', { rocYear: 107 })).toEqual({ ok: true, value: { start: '2016-04-10', end: '2016-04-12', yearFromContext: false } });
  });

  it.each([
    ['', undefined, 'empty', 'the date range is empty'],
    ['  ', undefined, 'empty', 'the date range is empty'],
    ['下半年', undefined, 'unreadable', '"下半年" is not a date range; expected a form like 104/4/6-4/11, 108年11月18日至22日 or 107/4/10'],
    ['107', undefined, 'unreadable', '"107" is not a date range; expected a form like 104/4/6-4/11, 108年11月18日至22日 or 107/4/10'],
    ['107/4/10-', undefined, 'unreadable', '"107/4/10-" is not a date range; expected a form like 104/4/6-4/11, 108年11月18日至22日 or 107/4/10'],
    ['107/4/10至4/12至4/14', undefined, 'unreadable', '"107/4/10至4/12至4/14" is not a date range; expected a form like 104/4/6-4/11, 108年11月18日至22日 or 107/4/10'],
    ['10至107/4/12', undefined, 'unreadable', '"10至107/4/12" is not a date range; expected a form like 104/4/6-4/11, 108年11月18日至22日 or 107/4/10'],
    ['4/10-4/12', undefined, 'missing-year', '"4/10-4/12" has no year and no year was given to resolve it'],
    ['4/10', undefined, 'missing-year', '"4/10" has no year and no year was given to resolve it'],
    ['4/10-4/12', { rocYear: 0 }, 'invalid-context', 'the year 0 given for "4/10-4/12" is not an ROC year'],
    ['4/10-4/12', { rocYear: 2018 }, 'invalid-context', 'the year 2018 given for "4/10-4/12" is not an ROC year'],
    ['4-10-4-12', undefined, 'ambiguous', '"4-10-4-12" can be split into two dates in more than one way; write it with / and a year, e.g. 107/4/10-4/12'],
    ['107/2/30-3/2', undefined, 'invalid-date', 'day 30 is not in February 2018, which has 28 days, in "107/2/30-3/2"'],
    ['107/2/27-2/29', undefined, 'invalid-date', 'day 29 is not in February 2018, which has 28 days, in "107/2/27-2/29"'],
    ['107/13/1-13/2', undefined, 'invalid-date', 'month 13 is not a month in "107/13/1-13/2"'],
    ['107/4/10-4/31', undefined, 'invalid-date', 'day 31 is not in April 2018, which has 30 days, in "107/4/10-4/31"'],
    ['107/4/12-4/10', undefined, 'end-before-start', 'the end 2018-04-10 is before the start 2018-04-12 in "107/4/12-4/10"'],
    ['108年11月22日至18日', undefined, 'end-before-start', 'the end 2019-11-18 is before the start 2019-11-22 in "108年11月22日至18日"'],
    ['109/1/3-108/12/28', undefined, 'end-before-start', 'the end 2019-12-28 is before the start 2020-01-03 in "109/1/3-108/12/28"'],
  ] as const)('rejects %j (context %j) with %s', (text, context, code, message) => {
    expect(parseRocDateRange(text, context)).toEqual({ ok: false, error: { kind: 'date-range', code, input: text, message } });
  });
});

describe('formatRocDateRange', () => {
  it.each([
    ['2015-04-06', '2015-04-11', '104/4/6-4/11'],
    ['2019-12-28', '2020-01-03', '108/12/28-109/1/3'],
    ['2018-04-10', '2018-04-10', '107/4/10'],
    ['2016-03-28', '2016-04-01', '105/3/28-4/1'],
  ])('shows %s..%s as %s', (start, end, shown) => {
    expect(formatRocDateRange(start, end)).toBe(shown);
  });
  it('leaves text that is no ISO date as it is', () => {
    expect(formatRocDateRange('2018-04-10', 'soon')).toBe('107/4/10-soon');
  });
});

const day = 86_400_000;
const anyRange = fc
  .tuple(fc.integer({ min: Date.UTC(1912, 0, 1) / day, max: Date.UTC(2200, 11, 31) / day }), fc.integer({ min: 0, max: 400 }))
  .map(([first, length]) => [new Date(first * day).toISOString().slice(0, 10), new Date((first + length) * day).toISOString().slice(0, 10)] as const);

describe('round trip', () => {
  it('parseRocDateRange(formatRocDateRange(start, end)) gives back start and end', () => {
    fc.assert(
      fc.property(anyRange, ([start, end]) => {
        expect(parseRocDateRange(formatRocDateRange(start, end))).toEqual({ ok: true, value: { start, end, yearFromContext: false } });
      }),
      { numRuns: 2000 },
    );
  });
});
