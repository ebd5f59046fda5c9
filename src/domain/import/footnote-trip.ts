import { parseRocDateRange } from '#app/domain/dates/roc-date-range.ts';
import type { ImportWarning, ParsedTrip } from '#app/domain/import/parsed-document.ts';
import type { RawLine } from '#app/domain/import/tab-rows.ts';
import { tidyCjkText } from '#app/domain/import/tidy-cjk-text.ts';
import { countryNamePrefix } from '#app/domain/places/country-list.ts';
import { collapseSpaces, removeSpaces } from '#app/domain/text/normalize-text.ts';

const FOOTNOTE = /^(?:備註|附註|註)\s*[一二三四五六七八九十0-9０-９]*\s*[:：]\s*(.*)$/;
const TITLE_WORDS = ['副市長', '市長', '副秘書長', '秘書長'];

/** The name most often listed with `title` across the parsed trips, e.g. who the 市長 is. */
function nameForTitle(trips: readonly ParsedTrip[], title: string): string | undefined {
  const counts = new Map<string, number>();
  for (const trip of trips) for (const m of trip.members) if (m.title === title) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

// Verbs and joiners that end a city name written right after its country (赴韓國釜山參加…).
const AFTER_CITY = /(?:參加|參訪|參與|進行|拜會|出席|考察|締結|洽談|辦理|交流|訪問|舉辦|推廣|行銷|招商|觀摩|研習|與|及|、|，|等)/;

/**
 * Every country named in a footnote's title, in order, with the city written right after it
 * (`赴韓國釜山參加…` → 韓國: 釜山). Taiwan is home, never a destination of an overseas trip.
 */
export function countriesMentioned(text: string): ParsedTrip['destinations'] {
  const found: ParsedTrip['destinations'] = [];
  for (let i = 0; i < text.length; i++) {
    const hit = countryNamePrefix(text.slice(i));
    if (!hit) continue;
    i += hit.matched.length - 1;
    if (hit.country.code === 'TW' || found.some((d) => d.countryCode === hit.country.code)) continue;
    const after = text.slice(i + 1);
    const cut = AFTER_CITY.exec(after);
    const city = cut ? after.slice(0, cut.index) : '';
    const cities = /^[\u4E00-\u9FFF]{2,5}$/.test(city) && !countryNamePrefix(city) ? [city] : [];
    found.push({ country: hit.country.name, countryCode: hit.country.code, cities });
  }
  return found;
}

/**
 * Reads a footnote such as `備註：107/4/19-4/25「…計畫」市長應…邀請出席…。相關經費及成果尚待彙整資料中。`
 * as a trip whose figures are still being compiled.
 */
export function tripFromFootnote(note: RawLine, tableTrips: readonly ParsedTrip[], warnings: ImportWarning[]): ParsedTrip | undefined {
  const match = FOOTNOTE.exec(note.text);
  if (!match) return undefined;
  const body = collapseSpaces(match[1] ?? '');
  const dateMatch = /^([0-9０-９]{2,3}\s*[/／.．年][^「『\s]*)/.exec(body);
  if (!dateMatch) return undefined;
  const where = `footnote on line ${note.line}`;
  const range = parseRocDateRange(removeSpaces(dateMatch[1] ?? ''));
  if (!range.ok) {
    warnings.push({ line: note.line, column: 'dates', code: 'unreadable-dates', message: `${where}: ${range.error.message}`, assumed: 'the footnote is not read as a trip' });
    return undefined;
  }
  const rest = body.slice(dateMatch[0].length).trim();
  const titleMatch = /[「『]([^」』]+)[」』]/.exec(rest);
  const title = titleMatch ? tidyCjkText(titleMatch[1] ?? '') : tidyCjkText(rest.split(/[。，,]/)[0] ?? '');
  const afterTitle = titleMatch ? rest.slice((titleMatch.index ?? 0) + titleMatch[0].length).trim() : rest;
  // The status is one clause (…，相關經費尚待彙整。); the other clauses say what the trip was for.
  const clauses = afterTitle.split(/[。，,]/).map((s) => s.trim()).filter(Boolean);
  const statusClause = clauses.find((s) => /尚待彙整|彙整中|尚待核銷|核銷中/.test(s));
  const status = statusClause && /核銷/.test(statusClause) ? 'settling' : 'pending';
  const purpose = clauses.filter((s) => s !== statusClause).join('，');

  const members: ParsedTrip['members'] = [];
  for (const t of TITLE_WORDS) {
    if (purpose.startsWith(t)) {
      const name = nameForTitle(tableTrips, t);
      if (name) {
        members.push({ name, title: t, agency: '市政府', role: 'leader' });
        warnings.push({ line: note.line, column: 'members', code: 'name-from-context', message: `${where} names only "${t}", no person`, assumed: `taken to be ${name}, the ${t} listed on the other trips` });
      }
      break;
    }
  }
  if (members.length === 0) {
    warnings.push({ line: note.line, column: 'members', code: 'no-members-in-footnote', message: `${where} names no member of the delegation by a title the tables use`, assumed: 'the trip has no members; add them by hand' });
  }
  const destinations = countriesMentioned(title);
  warnings.push({
    line: note.line,
    column: 'places',
    code: 'places-from-title',
    message: `${where} has no places cell`,
    assumed: destinations.length > 0 ? `places read from its title: ${destinations.map((d) => d.country + (d.cities.length ? ` ${d.cities.join('、')}` : '')).join('; ')}` : 'its title names no country, so the trip has no destinations',
  });
  const inviting = /^(?:副?市長)?應(.+?)邀請/.exec(purpose);
  warnings.push({
    line: note.line,
    column: 'budget',
    code: 'pending-footnote',
    message: `${where} ("${title}") describes a trip whose cost is ${status === 'settling' ? 'still being settled' : 'still being compiled'}`,
    assumed: `recorded as a trip with status ${status}, no amount and no outcomes`,
  });
  return {
    title,
    start: range.value.start,
    end: range.value.end,
    destinations,
    members,
    headcount: null,
    budget: { amount: null, currency: 'TWD', status },
    outcomes: [],
    purpose,
    invitingBody: inviting ? tidyCjkText(inviting[1] ?? '') : '',
    source: { line: note.line, lines: [note.line], kind: 'footnote' },
  };
}
