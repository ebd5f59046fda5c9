import type { SettlementStatus } from '#app/domain/trips/trip-schema.ts';

/** Trips per page of the public list. */
export const PAGE_SIZE = 10;

export const SORTS = ['-start', 'start', 'title', '-cost', 'cost'] as const;
export type TripSort = (typeof SORTS)[number];
export const STATUSES: readonly SettlementStatus[] = ['planned', 'settling', 'settled', 'pending'];

/** The trip list's state as the page URL carries it, so a link reproduces the same list. */
export interface TripListParams {
  q: string;
  year: string;
  country: string;
  person: string;
  /** Organising agency or a member's agency. */
  agency: string;
  /** Outcome theme id. */
  theme: string;
  status: SettlementStatus | '';
  sort: TripSort;
  /** 1-based. */
  page: number;
}

export const DEFAULT_PARAMS: TripListParams = { q: '', year: '', country: '', person: '', agency: '', theme: '', status: '', sort: '-start', page: 1 };

const text = (value: string | null, max: number) => (value ?? '').trim().slice(0, max);

/** Reads the list state from the URL; a value the API would refuse falls back to its default, so an edited link never breaks the page. */
export function readTripListParams(search: URLSearchParams): TripListParams {
  const year = text(search.get('year'), 4);
  const country = text(search.get('country'), 100);
  const status = search.get('status') ?? '';
  const sort = search.get('sort') ?? '';
  const page = Number(search.get('page'));
  return {
    q: text(search.get('q'), 200),
    year: /^\d{1,4}$/.test(year) && Number(year) > 0 ? year : '',
    country,
    person: text(search.get('person'), 100),
    agency: text(search.get('agency'), 200),
    theme: /^[a-z0-9-]{1,64}$/.test(search.get('theme') ?? '') ? (search.get('theme') ?? '') : '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as SettlementStatus) : '',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as TripSort) : '-start',
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The URL query for a list state, leaving out defaults so shared links stay short. */
export function tripListSearch(params: TripListParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of ['q', 'year', 'country', 'person', 'agency', 'theme', 'status'] as const) if (params[key]) out.set(key, params[key]);
  if (params.sort !== DEFAULT_PARAMS.sort) out.set('sort', params.sort);
  if (params.page !== 1) out.set('page', String(params.page));
  return out;
}

/** The API request for one page of the list. */
export function tripListApiUrl(params: TripListParams): string {
  const query = tripListSearch({ ...params, page: 1 });
  query.set('sort', params.sort);
  query.set('limit', String(PAGE_SIZE));
  query.set('offset', String((params.page - 1) * PAGE_SIZE));
  return `/api/v1/trips?${query.toString()}`;
}

/** Pages to offer as links: the first, the last and those near the current one; null marks a gap. */
export function pageLinks(current: number, pageCount: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let p = 1; p <= pageCount; p++) {
    if (p === 1 || p === pageCount || Math.abs(p - current) <= 2) pages.push(p);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}
