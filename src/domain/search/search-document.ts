import { normalizeSearchText } from '#app/domain/search/normalize-search-text.ts';
import { bigramsOf, termsOfRun, textRuns } from '#app/domain/search/text-runs.ts';

/** The parts of a trip that search looks at; a structural subset of the trip record. */
export interface SearchableTrip {
  title: string;
  purpose: string;
  invitingBody: string;
  organisingAgency: string;
  destinations: readonly { country: string; countryCode: string | null; cities: readonly string[] }[];
  members: readonly { name: string; title: string; agency: string | null }[];
  outcomes: readonly { text: string }[];
}

/**
 * Marks a title term: `§名古` says 名古 occurs in the title. Search finds the trips whose title
 * holds a phrase from these (a few hundred) instead of ranking every trip that holds it anywhere
 * (26,000 for 花博 in a 100,000-trip ledger). § is punctuation, so no body term starts with it.
 */
export const TITLE_TERM_MARK = '§';

/** What the index stores per trip: normalised title and body (for phrases) and the distinct index terms. */
export interface SearchDocument {
  title: string;
  body: string;
  terms: string[];
}

/** Builds the search document of a trip: every searchable field normalised, and its bigrams and words. */
export function searchDocumentOf(trip: SearchableTrip): SearchDocument {
  // One field per line: a phrase never matches across two fields.
  const fields = [
    trip.title,
    trip.purpose,
    trip.invitingBody,
    trip.organisingAgency,
    ...trip.destinations.flatMap((d) => [d.country, d.countryCode ?? '', ...d.cities]),
    ...trip.members.flatMap((m) => [m.name, m.title, m.agency ?? '']),
    ...trip.outcomes.map((o) => o.text),
  ]
    .map(normalizeSearchText)
    .filter((f) => f !== '');
  const terms = new Set<string>();
  for (const field of fields) for (const run of textRuns(field)) for (const term of termsOfRun(run)) terms.add(term);
  const title = normalizeSearchText(trip.title);
  for (const run of textRuns(title)) if (run.kind === 'gram') for (const gram of bigramsOf(run.text)) terms.add(TITLE_TERM_MARK + gram);
  return { title, body: fields.join('\n'), terms: [...terms] };
}
