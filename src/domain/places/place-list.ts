import { ok, fail, type Parsed } from '#app/domain/result.ts';
import { removeCjkSpaces } from '#app/domain/text/normalize-text.ts';
import { countries, countryByCode, countryNamePrefix, findCountry } from '#app/domain/places/country-list.ts';
import type { Destination } from '#app/domain/trips/trip-schema.ts';

/** The destinations read from a places cell, plus notes on what could not be resolved. */
export interface PlaceList {
  destinations: Destination[];
  warnings: string[];
}

const SEPARATORS = new Set(['、', '，', ',', ';', '；', '/', '／']);
const CONJUNCTIONS = new Set(['及', '與']);
const OPEN_BRACKETS = '(（「『[［';
const CLOSE_BRACKETS = ')）」』]］';

// 及 and 與 separate places, but they also occur inside names (聖克里斯多福及尼維斯, 與那國).
const NAMES_WITH_CONJUNCTION = [
  ...countries.flatMap((c) => [c.name, ...c.aliases]).filter((n) => /[及與]/.test(n)),
  '與那國',
  '與論',
  '與那原',
].sort((a, b) => b.length - a.length);

// "and other cities" tails; they add nothing a record can hold.
const VAGUE_TAIL = /(?:等(?:城市|地區|地|國家|國|處))+$|等$/;

/** Reads a places cell (`日本名古屋、東京`, `荷蘭阿姆斯特丹等城市、德國波昂`) into destinations grouped by country. */
export function parsePlaces(cell: string): Parsed<PlaceList> {
  const text = removeCjkSpaces(cell);
  const parts = splitPlaceParts(text);
  if (parts.length === 0) {
    return fail('place', 'empty', cell, cell.trim() === '' ? 'The places cell is empty.' : `The places cell "${cell}" names no place.`);
  }
  const destinations: Destination[] = [];
  const warnings: string[] = [];
  let current: Destination | null = null;
  for (const part of parts) {
    const found = leadingCountry(part);
    if (found) {
      const existing = destinations.find((d) => d.countryCode === found.code);
      current = existing ?? { country: found.name, countryCode: found.code, cities: [] };
      if (!existing) destinations.push(current);
      for (const city of citiesOf(found.rest)) if (!current.cities.includes(city)) current.cities.push(city);
    } else if (current && current.countryCode !== null) {
      // A bare city continues the country named before it: 日本名古屋、東京.
      for (const city of citiesOf(part)) if (!current.cities.includes(city)) current.cities.push(city);
    } else {
      // Never guess a country for 上海 or 關西: keep the text and say so.
      current = { country: part, countryCode: null, cities: [] };
      destinations.push(current);
      warnings.push(`unknown country "${part}"`);
    }
  }
  return ok({ destinations, warnings });
}

/** True when any destination is mainland China, Hong Kong or Macau, which need prior permission. */
export function isCrossStrait(destinations: readonly { countryCode: string | null }[]): boolean {
  return destinations.some((d) => d.countryCode !== null && countryByCode(d.countryCode)?.crossStrait === true);
}

function leadingCountry(part: string): { name: string; code: string; rest: string } | null {
  const prefix = countryNamePrefix(part);
  if (prefix) {
    return { name: prefix.country.name, code: prefix.country.code, rest: part.slice(prefix.matched.length) };
  }
  // English names (Japan) but not two-letter codes, which collide with abbreviations such as LA.
  const english = part.length > 2 ? findCountry(part) : null;
  return english ? { name: english.name, code: english.code, rest: '' } : null;
}

function citiesOf(rest: string): string[] {
  let inner = rest.replace(/^[\s:：\-‧・·]+/, '').trim();
  const open = OPEN_BRACKETS.indexOf(inner.charAt(0));
  if (open >= 0 && inner.endsWith(CLOSE_BRACKETS.charAt(open))) inner = inner.slice(1, -1);
  return splitPlaceParts(inner);
}

/** Splits at separators outside brackets, drops 等城市 tails and empty parts. */
function splitPlaceParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  const cut = (end: number, next: number): void => {
    const part = text.slice(start, end).trim().replace(VAGUE_TAIL, '').trim();
    if (part !== '') parts.push(part);
    start = next;
  };
  while (i < text.length) {
    const ch = text.charAt(i);
    if (OPEN_BRACKETS.includes(ch)) depth++;
    else if (CLOSE_BRACKETS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const protectedName = NAMES_WITH_CONJUNCTION.find((n) => text.startsWith(n, i));
      if (protectedName) {
        i += protectedName.length;
        continue;
      }
      if (SEPARATORS.has(ch) || CONJUNCTIONS.has(ch)) cut(i, i + 1);
    }
    i++;
  }
  cut(text.length, text.length);
  return parts;
}
