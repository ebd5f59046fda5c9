import { describe, expect, it } from 'vitest';
import { partnerListApiUrl, partnerListSearch, readPartnerListParams } from '#app/web/portal/partner-list-params.ts';

describe('partner list URL state', () => {
  it('reads what it writes and ignores what it does not know', () => {
    const params = readPartnerListParams(new URLSearchParams('q=%E6%98%8C%E5%8E%9F&kind=city&page=2'));
    expect(params).toEqual({ q: '昌原', kind: 'city', page: 2 });
    expect(readPartnerListParams(partnerListSearch(params))).toEqual(params);
    expect(readPartnerListParams(new URLSearchParams('kind=planet&page=-3'))).toEqual({ q: '', kind: '', page: 1 });
    expect(partnerListSearch({ q: '', kind: '', page: 1 }).toString()).toBe('');
  });

  it('asks the API for one page', () => {
    expect(partnerListApiUrl({ q: 'Changwon', kind: 'city', page: 3 })).toBe('/api/v1/partners?limit=25&offset=50&q=Changwon&kind=city');
  });
});
