import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { decodeValue, type BackupHeader, type BackupRowLine, type BackupTableLine } from '#app/store/backup/backup-format.ts';
import { userTables } from '#app/store/backup/backup-database.ts';
import { rebuildSearchIndex } from '#app/store/search/trip-search-index.ts';
import { parentsFirst, resetSequences, tableDependencies } from '#app/store/dialect/table-dependencies.ts';
import { knownMigrations, migrateTo, migrateToLatest, type Store } from '#app/store/open-database.ts';

/** A backup that cannot be restored here; the target database is unchanged. */
export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

// SQLite allows at most 32,766 bound parameters per statement.
const MAX_PARAMS = 30_000;

async function* lines(file: string): AsyncGenerator<unknown> {
  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of reader) {
    n += 1;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line);
    } catch {
      throw new RestoreRefusedError(`line ${n} of the backup is not valid JSON: the file is damaged or not a Mission Ledger backup`);
    }
  }
}

async function readHeader(file: string): Promise<BackupHeader> {
  try {
    for await (const first of lines(file)) {
      const header = first as BackupHeader;
      if (header?.format !== 'mission-ledger-backup/1') throw new RestoreRefusedError(`${file} is not a Mission Ledger backup (no mission-ledger-backup/1 header)`);
      return header;
    }
  } catch (error) {
    if (error instanceof RestoreRefusedError) throw error;
    throw new RestoreRefusedError(`cannot read ${file}: ${(error as Error).message}`);
  }
  throw new RestoreRefusedError(`${file} is empty`);
}

/**
 * Restores a backup into a new database with no tables (SQLite or PostgreSQL, either way round):
 * the schema is brought to the backup's migration, the rows are inserted in one transaction
 * parents first, then newer migrations run. A database that already has tables is refused untouched.
 */
export async function restoreDatabase(store: Store, file: string, options: { attachmentsDir?: string } = {}): Promise<{ tables: number; rows: number; files: number }> {
  const header = await readHeader(file);
  const known = new Set(knownMigrations());
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) throw new RestoreRefusedError(`the backup comes from a newer version of Mission Ledger (migrations ${unknown.join(', ')}); upgrade before restoring`);
  const db = store.db as unknown as Kysely<unknown>;
  const existing = await userTables(db);
  if (existing.length > 0) {
    throw new RestoreRefusedError(`the target database already has tables (${existing.map((t) => t.name).join(', ')}); restore only into a new, empty database — nothing was changed`);
  }
  const last = header.migrations.at(-1);
  if (last) await migrateTo(store.db, last);
  const present = new Map((await userTables(db)).map((t) => [t.name, new Set(t.columns)]));
  for (const t of header.tables) {
    if (!present.has(t.name)) throw new RestoreRefusedError(`table ${t.name} of the backup does not exist after migrating to ${last}`);
  }
  const order = parentsFirst(await tableDependencies(db, store.adapter.kind, header.tables.map((t) => t.name)));
  // Rows are grouped by table in the file; collect each table, then insert in dependency order.
  const rowsByTable = new Map<string, { columns: string[]; rows: unknown[][] }>();
  let current: { columns: string[]; rows: unknown[][] } | undefined;
  let skippedHeader = false;
  const files: { name: string; bytes: Buffer }[] = [];
  for await (const line of lines(file)) {
    if (!skippedHeader) {
      skippedHeader = true;
      continue;
    }
    if (line && typeof line === 'object' && 'table' in line) {
      const t = line as BackupTableLine;
      current = { columns: t.columns, rows: [] };
      rowsByTable.set(t.table, current);
    } else if (line && typeof line === 'object' && 'file' in line) {
      const f = line as { file: string; b64: string };
      // Stored names are generated (xx/uuid); refuse anything else so a crafted backup cannot write outside the folder.
      if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(f.file)) throw new RestoreRefusedError(`the backup names an attached file "${f.file.slice(0, 80)}" that Mission Ledger never writes: the file is damaged or forged`);
      files.push({ name: f.file, bytes: Buffer.from(f.b64, 'base64') });
    } else if (line && typeof line === 'object' && 'r' in line && current) {
      current.rows.push((line as BackupRowLine).r.map(decodeValue));
    } else {
      throw new RestoreRefusedError('the backup has a row outside any table: the file is damaged');
    }
  }
  let total = 0;
  await store.db.transaction().execute(async (trx) => {
    const tdb = trx as unknown as Kysely<unknown>;
    // Migrations may seed rows (defaults, chain heads); the backup holds the real ones.
    for (const table of [...order].reverse()) await tdb.deleteFrom(table as never).execute();
    for (const table of order) {
      const data = rowsByTable.get(table);
      if (!data || data.rows.length === 0) continue;
      const expected = header.tables.find((t) => t.name === table)?.rows;
      if (expected !== undefined && expected !== data.rows.length) {
        throw new RestoreRefusedError(`table ${table} should hold ${expected} rows but the backup has ${data.rows.length}: the file is truncated or damaged`);
      }
      const batch = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, data.columns.length)));
      for (let i = 0; i < data.rows.length; i += batch) {
        const values = data.rows.slice(i, i + batch).map((r) => Object.fromEntries(data.columns.map((c, j) => [c, r[j]])));
        await tdb.insertInto(table as never).values(values as never).execute();
      }
      total += data.rows.length;
    }
  });
  await resetSequences(db, store.adapter.kind);
  const hadSearchIndex = (await db.introspection.getTables()).some((t) => t.name === 'trip_search_documents');
  await migrateToLatest(store.db);
  // The search index is derived from the trips; when the migration that builds it ran before the
  // rows arrived, build it now.
  if (hadSearchIndex) await rebuildSearchIndex(store.db);
  if (options.attachmentsDir) {
    for (const f of files) {
      const path = join(options.attachmentsDir, f.name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, f.bytes);
    }
  }
  return { tables: rowsByTable.size, rows: total, files: options.attachmentsDir ? files.length : 0 };
}
