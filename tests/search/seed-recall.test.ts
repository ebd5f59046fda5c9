import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCouncilReport } from '#app/domain/import/council-report-parser.ts';
import { parsedTripToInput } from '#app/domain/import/parsed-trip-to-input.ts';
import { searchDocumentOf } from '#app/domain/search/search-document.ts';
import { planSearch } from '#app/domain/search/search-plan.ts';
import { matchesPlan, RANK, rankOf } from '#app/domain/search/search-ranking.ts';
import { SEED_QUERIES } from '#tests/search/seed-queries.ts';

const text = readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');
const trips = parseCouncilReport(text, { name: 'seed', sha256: null }).trips.flatMap((parsed) => {
  const converted = parsedTripToInput(parsed, { document: 'seed', documentHash: 'x' });
  return converted.ok ? [{ start: converted.input.start, doc: searchDocumentOf(converted.input) }] : [];
});

describe('search recall on the seed report (domain reference)', () => {
  it('has all 14 seed trips to search', () => {
    expect(trips).toHaveLength(14);
  });

  it.each(SEED_QUERIES)('finds exactly the trips holding $query', ({ query, expected, phraseFirst }) => {
    const plan = planSearch(query);
    const found = trips.filter((t) => matchesPlan(t.doc, plan));
    expect(found.map((t) => t.start).sort()).toEqual([...expected].sort());
    const phrase = found.filter((t) => rankOf(t.doc, plan) >= RANK.phraseInBody).map((t) => t.start);
    if (phraseFirst) expect(phrase.sort()).toEqual([...phraseFirst].sort());
  });
});
