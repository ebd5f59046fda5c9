import type { Lang, MessageKey } from '#app/web/i18n/messages.ts';

/** Message keys of the settlement statuses. */
export const STATUS_KEYS = { planned: 'statusPlanned', settling: 'statusSettling', settled: 'statusSettled', pending: 'statusPending' } as const satisfies Record<string, MessageKey>;

/** Message keys of the trip categories. */
export const CATEGORY_KEYS = { inspection: 'categoryInspection', conference: 'categoryConference', visit: 'categoryVisit', business: 'categoryBusiness', other: 'categoryOther' } as const satisfies Record<string, MessageKey>;

/** Message keys of the budget categories. */
export const BUDGET_KEYS = {
  airfare: 'budgetAirfare',
  lodging: 'budgetLodging',
  perDiem: 'budgetPerDiem',
  otherTransport: 'budgetOtherTransport',
  registration: 'budgetRegistration',
  giftsHospitality: 'budgetGiftsHospitality',
  other: 'budgetOther',
} as const satisfies Record<string, MessageKey>;

const regionNames = new Map<Lang, Intl.DisplayNames | null>();

function regionNamesFor(lang: Lang): Intl.DisplayNames | null {
  if (!regionNames.has(lang)) {
    try {
      regionNames.set(lang, new Intl.DisplayNames([lang], { type: 'region' }));
    } catch {
      regionNames.set(lang, null);
    }
  }
  return regionNames.get(lang) ?? null;
}

/** A country's name for the interface: the stored Chinese name in zh-TW, the browser's English name otherwise. */
export function countryName(lang: Lang, country: { code: string | null; name: string }): string {
  if (lang === 'zh-TW' || !country.code) return country.name;
  return regionNamesFor(lang)?.of(country.code) ?? country.name;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** A whole number with the language's digit grouping. */
export function formatNumber(lang: Lang, value: number): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/** An amount of New Taiwan dollars as the interface writes it. */
export function formatTwd(lang: Lang, value: number): string {
  return lang === 'zh-TW' ? `新臺幣 ${formatNumber(lang, value)} 元` : `NT$${formatNumber(lang, value)}`;
}
