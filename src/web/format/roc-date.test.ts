import { describe, expect, it } from 'vitest';
import { rocDate, rocRangeEnd, rocYear, tripDays } from '#app/web/format/roc-date.ts';

describe('ROC date display', () => {
  it('writes ISO dates in the ROC calendar without leading zeros', () => {
    expect(rocDate('2018-04-10')).toBe('107/4/10');
    expect(rocDate('2015-12-01')).toBe('104/12/1');
    expect(rocYear(2018)).toBe(107);
  });
  it('shortens a range end in the same year and keeps the year across years', () => {
    expect(rocRangeEnd('2018-04-10', '2018-04-12')).toBe('4/12');
    expect(rocRangeEnd('2017-12-30', '2018-01-02')).toBe('107/1/2');
  });
  it('counts the days of a trip with both ends included', () => {
    expect(tripDays('2018-04-19', '2018-04-25')).toBe(7);
    expect(tripDays('2016-02-28', '2016-03-01')).toBe(3);
    expect(tripDays('2018-04-19', '2018-04-19')).toBe(1);
  });
});
