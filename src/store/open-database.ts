import { Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import { isPostgresUrl, type DialectAdapter } from '#app/store/dialect/dialect-adapter.ts';
import { postgresAdapter } from '#app/store/dialect/postgres-dialect.ts';
import { sqliteAdapter } from '#app/store/dialect/sqlite-dialect.ts';
import * as m0001 from '#app/store/migrations/0001-trips.ts';
import * as m0002 from '#app/store/migrations/0002-workflow.ts';
import * as m0003 from '#app/store/migrations/0003-outcomes.ts';
import * as m0004 from '#app/store/migrations/0004-search.ts';
import * as m0005 from '#app/store/migrations/0005-import-snapshots.ts';
import * as m0006 from '#app/store/migrations/0006-attachments.ts';
import * as m0007 from '#app/store/migrations/0007-unique-source-rows.ts';
import * as m0008 from '#app/store/migrations/0008-slim-trip-rows.ts';
import * as m0009 from '#app/store/migrations/0009-search-covering-indexes.ts';
import * as m0010 from '#app/store/migrations/0010-cost-sort-indexes.ts';
import * as m0011 from '#app/store/migrations/0011-ledger-revision.ts';
import * as m0012 from '#app/store/migrations/0012-title-search-terms.ts';
import * as m0013 from '#app/store/migrations/0013-postgres-search-terms-function.ts';

/** An open database: the Kysely handle plus the facts about its dialect. */
export interface Store {
  db: Kysely<Database>;
  adapter: DialectAdapter;
  close(): Promise<void>;
}

const migrations: Record<string, Migration> = {
  '0001-trips': m0001,
  '0002-workflow': m0002,
  '0003-outcomes': m0003,
  '0004-search': m0004,
  '0005-import-snapshots': m0005,
  '0006-attachments': m0006,
  '0007-unique-source-rows': m0007,
  '0008-slim-trip-rows': m0008,
  '0009-search-covering-indexes': m0009,
  '0010-cost-sort-indexes': m0010,
  '0011-ledger-revision': m0011,
  '0012-title-search-terms': m0012,
  '0013-postgres-search-terms-function': m0013,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Names of every migration this version knows, in order. */
export function knownMigrations(): string[] {
  return Object.keys(migrations).sort();
}

/**
 * Opens a SQLite file path or a `postgres://` URL and brings its schema up to date
 * (`migrate: false` leaves the schema as it is, for restoring a backup).
 */
export async function openStore(target: string, options: { migrate?: boolean } = {}): Promise<Store> {
  let adapter: DialectAdapter;
  try {
    adapter = isPostgresUrl(target) ? postgresAdapter(target) : sqliteAdapter(target);
  } catch (error) {
    throw new StoreOpenError({ kind: isPostgresUrl(target) ? 'postgres' : 'sqlite', location: target }, error);
  }
  const db = new Kysely<Database>({ dialect: adapter.dialect });
  try {
    if (options.migrate !== false) await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw new StoreOpenError(adapter, error);
  }
  return { db, adapter, close: () => db.destroy() };
}

/** Runs every pending migration; several server processes may call this at once on PostgreSQL. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  await migrateTo(db, undefined);
}

/** Runs migrations up to and including `name` (all of them when undefined). */
export async function migrateTo(db: Kysely<Database>, name: string | undefined): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = name === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(name);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String((error as Error).message ?? error)}`);
  }
}

/** Raised when the database cannot be opened or migrated; the message says what to check. */
export class StoreOpenError extends Error {
  constructor(adapter: Pick<DialectAdapter, 'kind' | 'location'>, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const hint =
      adapter.kind === 'postgres'
        ? 'Check that PostgreSQL is running and DATABASE_URL (or --db) names an existing database the user may write to.'
        : 'Check that the folder of the SQLite file exists and is writable, and that no other program holds it locked.';
    super(`Cannot open the ${adapter.kind} database at ${adapter.location}: ${reason}. ${hint}`, { cause });
    this.name = 'StoreOpenError';
  }
}
