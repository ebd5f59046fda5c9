import countryData from '#app/domain/places/countries.json' with { type: 'json' };

/** One country or territory as the trip records name it. */
export interface Country {
  /** ISO 3166-1 alpha-2 code. */
  code: string;
  /** Traditional Chinese name as used in Taiwan; the canonical name stored on a destination. */
  name: string;
  /** Other names that mean the same place (南韓, 美西, 外蒙古). */
  aliases: readonly string[];
  /** English name for the bilingual interface. */
  en: string;
  /** Mainland China, Hong Kong and Macau: trips there need prior permission and a return notice. */
  crossStrait: boolean;
}

/** A country name or alias found at the start of a text. */
export interface CountryPrefix {
  country: Country;
  /** The name or alias exactly as it appears at the start of the text. */
  matched: string;
}

/** Every country and territory in the list, in list order. */
export const countries: readonly Country[] = countryData.map((c) => ({
  code: c.code,
  name: c.name,
  aliases: c.aliases,
  en: c.en,
  crossStrait: 'crossStrait' in c && c.crossStrait === true,
}));

const byCode = new Map<string, Country>(countries.map((c) => [c.code, c]));

const byName = new Map<string, Country>();
for (const c of countries) {
  for (const n of [c.name, ...c.aliases]) byName.set(n, c);
  byName.set(c.en.toLowerCase(), c);
}

// Longest first so that 中國大陸地區 wins over 中國 and 美西 over 美.
const prefixNames = [...countries.flatMap((c) => [c.name, ...c.aliases].map((n) => ({ name: n, country: c })))].sort(
  (a, b) => b.name.length - a.name.length,
);

/** Finds a country by its exact Chinese name, an alias, its English name or its ISO code (case-insensitive). */
export function findCountry(nameOrCode: string): Country | null {
  const key = nameOrCode.replace(/[\s\u00A0\u3000]+/g, ' ').trim();
  if (key === '') return null;
  if (/^[A-Za-z]{2}$/.test(key)) return byCode.get(key.toUpperCase()) ?? null;
  return byName.get(key.replace(/ /g, '')) ?? byName.get(key.toLowerCase()) ?? null;
}

/** Returns the country with this ISO alpha-2 code (case-insensitive), or null. */
export function countryByCode(code: string): Country | null {
  return byCode.get(code.trim().toUpperCase()) ?? null;
}

/** Finds the longest country name or alias at the very start of `text` (`日本名古屋` → 日本). */
export function countryNamePrefix(text: string): CountryPrefix | null {
  for (const { name, country } of prefixNames) {
    // As a prefix, a one-character alias (美) would claim place names such as 美瑛 or 美濃.
    if (name.length === 1 && text !== name) continue;
    if (text.startsWith(name)) return { country, matched: name };
  }
  return null;
}
