import type { Kysely } from 'kysely';
import { searchDocumentOf, type SearchableTrip } from '#app/domain/search/search-document.ts';
import { searchIndexDialectOf } from '#app/store/dialect/search-index-dialect.ts';
import type { SearchTables } from '#app/store/search/search-tables.ts';

// Every write of a trip goes through here inside the writer's transaction, so a trip and its
// search entry are committed together or not at all.

const BATCH = 400;

/** Writes (or rewrites) the search entries of trips. */
export async function indexTrips(db: Kysely<any>, trips: readonly { id: string; trip: SearchableTrip }[]): Promise<void> {
  const dialect = searchIndexDialectOf(db);
  const search = db.withTables<SearchTables>();
  for (let i = 0; i < trips.length; i += BATCH) {
    const batch = trips.slice(i, i + BATCH);
    const ids = batch.map((t) => t.id);
    await unindexTripIds(search, ids);
    const rows = batch.map(({ id, trip }) => {
      const doc = searchDocumentOf(trip);
      return { trip_id: id, title: doc.title, body: doc.body, terms: doc.terms.join(' ') };
    });
    await search.insertInto('trip_search_documents').values(rows).execute();
    await dialect.indexDocuments(db, ids);
  }
}

/** Writes (or rewrites) the search entry of one trip. */
export async function indexTrip(db: Kysely<any>, id: string, trip: SearchableTrip): Promise<void> {
  await indexTrips(db, [{ id, trip }]);
}

/** Removes the search entry of a trip (call before deleting the trip). */
export async function unindexTrip(db: Kysely<any>, id: string): Promise<void> {
  await unindexTripIds(db.withTables<SearchTables>(), [id]);
}

function byTrip<T extends { trip_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const bucket = map.get(row.trip_id);
    if (bucket) bucket.push(row);
    else map.set(row.trip_id, [row]);
  }
  return map;
}

async function unindexTripIds(db: Kysely<SearchTables>, ids: string[]): Promise<void> {
  await searchIndexDialectOf(db).unindexDocuments(db, ids);
  await db.deleteFrom('trip_search_documents').where('trip_id', 'in', ids).execute();
}

/** Builds the search entries of every stored trip from its rows (used by migration 0004). */
export async function rebuildSearchIndex(db: Kysely<any>, pageSize = 500): Promise<number> {
  let after = '';
  let indexed = 0;
  for (;;) {
    const trips: { id: string; title: string; purpose: string; inviting_body: string; organising_agency: string }[] = await db
      .selectFrom('trips')
      .select(['id', 'title', 'purpose', 'inviting_body', 'organising_agency'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (trips.length === 0) return indexed;
    const ids = trips.map((t) => t.id);
    const [destinations, members, outcomes] = await Promise.all([
      db.selectFrom('trip_destinations').select(['trip_id', 'country', 'country_code', 'cities']).where('trip_id', 'in', ids).orderBy('trip_id').orderBy('position').execute(),
      db.selectFrom('trip_members').select(['trip_id', 'name', 'title', 'agency']).where('trip_id', 'in', ids).orderBy('trip_id').orderBy('position').execute(),
      db.selectFrom('trip_outcomes').select(['trip_id', 'text']).where('trip_id', 'in', ids).orderBy('trip_id').orderBy('position').execute(),
    ]);
    const d = byTrip(destinations as { trip_id: string; country: string; country_code: string | null; cities: string }[]);
    const m = byTrip(members as { trip_id: string; name: string; title: string; agency: string | null }[]);
    const o = byTrip(outcomes as { trip_id: string; text: string }[]);
    await indexTrips(
      db,
      trips.map((t) => ({
        id: t.id,
        trip: {
          title: t.title,
          purpose: t.purpose,
          invitingBody: t.inviting_body,
          organisingAgency: t.organising_agency,
          destinations: (d.get(t.id) ?? []).map((r) => ({ country: r.country, countryCode: r.country_code, cities: JSON.parse(r.cities) as string[] })),
          members: m.get(t.id) ?? [],
          outcomes: o.get(t.id) ?? [],
        },
      })),
    );
    indexed += trips.length;
    after = ids[ids.length - 1]!;
  }
}
