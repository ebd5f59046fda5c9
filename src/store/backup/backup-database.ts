import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import { sql, type Kysely } from 'kysely';
import { encodeValue, type BackupHeader } from '#app/store/backup/backup-format.ts';
import type { Store } from '#app/store/open-database.ts';

const PAGE = 2000;
// Kysely's migration bookkeeping is written by the migrator, and the search index (trip_search_*,
// including SQLite's FTS shadow tables) is derived from the trips: neither is copied; restore
// rebuilds the index. The ledger revision belongs to the database it counts writes of: restoring
// an older value could let a cache serve answers of another state under the same number.
const NOT_COPIED = /^(kysely_|trip_search_|ledger_revision$)/;

/** Tables holding primary data (not migration bookkeeping or derived indexes), with their columns, in a stable order. */
export async function userTables(db: Kysely<unknown>): Promise<{ name: string; columns: string[] }[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((t) => !t.isView && !NOT_COPIED.test(t.name))
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Names of the migrations applied to the database, in order. */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Writes every table to a gzip'd JSON-lines file while the server keeps running. All reads
 * happen in one transaction (a WAL read snapshot on SQLite, REPEATABLE READ on PostgreSQL), so
 * the backup is one consistent moment even while others write. The file appears only when complete.
 */
export async function backupDatabase(store: Store, file: string, options: { attachmentsDir?: string } = {}): Promise<BackupHeader> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial);
  gzip.pipe(out);
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  try {
    // SQLite's single connection already reads one snapshot inside a transaction.
    const begin = store.adapter.kind === 'postgres' ? store.db.transaction().setIsolationLevel('repeatable read') : store.db.transaction();
    const header = await begin.execute(async (trx) => {
        const db = trx as unknown as Kysely<unknown>;
        const tables = await userTables(db);
        const counts = [];
        for (const t of tables) {
          const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t.name)}`.execute(db);
          counts.push({ ...t, rows: Number(row.rows[0]?.n ?? 0) });
        }
        const head: BackupHeader = { format: 'mission-ledger-backup/1', createdAt: new Date().toISOString(), source: store.adapter.kind, migrations: await appliedMigrations(db), tables: counts };
        await write(head);
        for (const t of tables) {
          await write({ table: t.name, columns: t.columns });
          const order = sql.join(t.columns.map((_, i) => sql.raw(String(i + 1))));
          const cols = sql.join(t.columns.map((c) => sql.ref(c)));
          for (let offset = 0; ; offset += PAGE) {
            const page = await sql<Record<string, unknown>>`select ${cols} from ${sql.table(t.name)} order by ${order} limit ${PAGE} offset ${offset}`.execute(db);
            for (const r of page.rows) await write({ r: t.columns.map((c) => encodeValue(r[c])) });
            if (page.rows.length < PAGE) break;
          }
        }
        // Attached files live outside the database; the rows above name them, so copy those files.
        if (options.attachmentsDir && tables.some((t) => t.name === 'attachments')) {
          const stored = await sql<{ stored_name: string }>`select stored_name from attachments order by stored_name`.execute(db);
          for (const row of stored.rows) {
            const bytes = await readFile(join(options.attachmentsDir, row.stored_name));
            await write({ file: row.stored_name, b64: bytes.toString('base64') });
          }
        }
        return head;
      });
    gzip.end();
    await once(out, 'close');
    await rename(partial, file);
    return header;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
