import type { PartnerKind } from '#app/domain/partners/partner-schema.ts';

export const PARTNER_PAGE_SIZE = 25;
export const PARTNER_KINDS: readonly PartnerKind[] = ['city', 'organisation', 'person'];

/** The partner list's state, all of it in the URL (`/partners?q=昌原&kind=city&page=2`). */
export interface PartnerListParams {
  q: string;
  kind: PartnerKind | '';
  page: number;
}

export function readPartnerListParams(search: URLSearchParams): PartnerListParams {
  const kind = search.get('kind') ?? '';
  const page = Number(search.get('page'));
  return {
    q: (search.get('q') ?? '').trim().slice(0, 200),
    kind: (PARTNER_KINDS as readonly string[]).includes(kind) ? (kind as PartnerKind) : '',
    page: Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1,
  };
}

/** The query string for the page's URL; defaults are left out so links stay short. */
export function partnerListSearch(params: PartnerListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.q) out.set('q', params.q);
  if (params.kind) out.set('kind', params.kind);
  if (params.page > 1) out.set('page', String(params.page));
  return out;
}

/** The API read for the page. */
export function partnerListApiUrl(params: PartnerListParams): string {
  const out = new URLSearchParams({ limit: String(PARTNER_PAGE_SIZE), offset: String((params.page - 1) * PARTNER_PAGE_SIZE) });
  if (params.q) out.set('q', params.q);
  if (params.kind) out.set('kind', params.kind);
  return `/api/v1/partners?${out.toString()}`;
}
