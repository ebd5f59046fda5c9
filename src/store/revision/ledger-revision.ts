import { sql, type CompiledQuery, type Kysely } from 'kysely';

const compiled = new WeakMap<Kysely<any>, CompiledQuery<{ revision: number | string | bigint }>>();

/**
 * The ledger's change counter (migration 0011): it moves with every committed write to the
 * ledger's content, on every connection and server process. Null when it cannot be trusted —
 * inside a transaction (the caller's own uncommitted writes are not in it yet) or when its row is
 * missing — and then nothing may be cached.
 */
export async function ledgerRevision(db: Kysely<any>): Promise<string | null> {
  if (db.isTransaction) return null;
  // Compiled once per database: this runs on every public request and every list.
  let query = compiled.get(db);
  if (!query) {
    query = sql<{ revision: number | string | bigint }>`select revision from ledger_revision where id = 1`.compile(db);
    compiled.set(db, query);
  }
  const row = (await db.executeQuery(query)).rows[0];
  return row === undefined ? null : String(row.revision);
}
