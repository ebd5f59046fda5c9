import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, pageLinks, readTripListParams, tripListApiUrl, tripListSearch } from '#app/web/portal/trip-list-params.ts';

describe('trip list URL state', () => {
  it('reads every filter, sort and page from the URL and writes them back', () => {
    const search = new URLSearchParams('q=花博&year=2016&country=NL&person=林佳龍&agency=經濟發展局&theme=flora-expo&status=settled&sort=-cost&page=2');
    const params = readTripListParams(search);
    expect(params).toEqual({ q: '花博', year: '2016', country: 'NL', person: '林佳龍', agency: '經濟發展局', theme: 'flora-expo', status: 'settled', sort: '-cost', page: 2 });
    expect(Object.fromEntries(tripListSearch(params))).toEqual(Object.fromEntries(search));
  });

  it('falls back to defaults for values the API would refuse', () => {
    expect(readTripListParams(new URLSearchParams('year=abc&status=lost&sort=random&page=-3&theme=<script>'))).toEqual(DEFAULT_PARAMS);
    expect(readTripListParams(new URLSearchParams('page=1.5')).page).toBe(1);
    expect(tripListSearch(DEFAULT_PARAMS).toString()).toBe('');
  });

  it('asks the API for the page as limit and offset', () => {
    const url = new URL(tripListApiUrl({ ...DEFAULT_PARAMS, q: '花博', page: 3 }), 'http://x');
    expect(url.pathname).toBe('/api/v1/trips');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: '花博', sort: '-start', limit: '10', offset: '20' });
  });

  it('offers the first, last and nearby pages with gaps', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageLinks(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
  });
});
