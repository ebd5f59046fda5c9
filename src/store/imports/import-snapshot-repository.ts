import type { Kysely } from 'kysely';
import type { ImportedValues } from '#app/domain/import/import-merge.ts';
import type { Database } from '#app/store/database-schema.ts';

/** Row of `import_snapshots` (migration 0005): what the last import wrote into one trip. */
export interface ImportSnapshotsTable {
  trip_id: string;
  document_hash: string;
  document_name: string;
  source_line: number;
  title: string;
  start_date: string;
  end_date: string;
  snapshot: string;
  imported_at: string;
}

type WithSnapshots = Database & { import_snapshots: ImportSnapshotsTable };

/** Reads and writes import snapshots; pass a transaction as `db` to make calls part of it. */
export class ImportSnapshotRepository {
  private readonly db: Kysely<WithSnapshots>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<{ import_snapshots: ImportSnapshotsTable }>();
  }

  /** The values the last import wrote into a trip, or null when it was never imported with a snapshot. */
  async get(tripId: string): Promise<ImportedValues | null> {
    const row = await this.db.selectFrom('import_snapshots').select('snapshot').where('trip_id', '=', tripId).executeTakeFirst();
    return row ? (JSON.parse(row.snapshot) as ImportedValues) : null;
  }

  /** Records what an import wrote into a trip, replacing the previous snapshot. */
  async put(tripId: string, values: ImportedValues, source: { documentHash: string; documentName: string; line: number; at: string }): Promise<void> {
    await this.db.deleteFrom('import_snapshots').where('trip_id', '=', tripId).execute();
    await this.db
      .insertInto('import_snapshots')
      .values({
        trip_id: tripId,
        document_hash: source.documentHash,
        document_name: source.documentName,
        source_line: source.line,
        title: values.title,
        start_date: values.start,
        end_date: values.end,
        snapshot: JSON.stringify(values),
        imported_at: source.at,
      })
      .execute();
  }

  /** A trip the last import gave this title and these dates, even if they were edited by hand since. */
  async findByImportedTitleAndDates(match: { title: string; start: string; end: string }): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('import_snapshots')
      .select('trip_id')
      .where('title', '=', match.title)
      .where('start_date', '=', match.start)
      .where('end_date', '=', match.end)
      .executeTakeFirst();
    return row?.trip_id;
  }

  /**
   * A trip imported before from the same row of a document of the same name (a revised edition of
   * it) that still has the same title or the same start date.
   */
  async findBySourceRow(match: { documentName: string; line: number; title: string; start: string }): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('import_snapshots')
      .innerJoin('trips', 'trips.id', 'import_snapshots.trip_id')
      .select('trips.id as id')
      .where('import_snapshots.document_name', '=', match.documentName)
      .where('import_snapshots.source_line', '=', match.line)
      .where((eb) => eb.or([eb('trips.title', '=', match.title), eb('trips.start_date', '=', match.start)]))
      .executeTakeFirst();
    return row?.id;
  }

  /** The stored trips whose dates overlap a period, with the names of their members, for the overlap check. */
  async tripsBetween(start: string, end: string): Promise<{ id: string; title: string; start: string; end: string; people: string[] }[]> {
    const rows = await this.db
      .selectFrom('trips')
      .leftJoin('trip_members', 'trip_members.trip_id', 'trips.id')
      .select(['trips.id as id', 'trips.title as title', 'trips.start_date as start', 'trips.end_date as end', 'trip_members.name as name'])
      .where('trips.end_date', '>=', start)
      .where('trips.start_date', '<=', end)
      .execute();
    const byId = new Map<string, { id: string; title: string; start: string; end: string; people: string[] }>();
    for (const r of rows) {
      const trip = byId.get(r.id) ?? { id: r.id, title: r.title, start: r.start, end: r.end, people: [] };
      if (r.name !== null) trip.people.push(r.name);
      byId.set(r.id, trip);
    }
    return [...byId.values()];
  }
}
