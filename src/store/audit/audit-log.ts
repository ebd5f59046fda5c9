import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { chainedText, verifyChain, type AuditEntry, type AuditEntryContent, type ChainProblem } from '#app/domain/audit/audit-entry.ts';
import type { AuditLogTable, Database } from '#app/store/database-schema.ts';

/** SHA-256 in hex, the hash of the audit chain. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Filters of the audit trail listing. */
export interface AuditFilter {
  entityType?: AuditEntryContent['entityType'];
  entityId?: string;
  limit: number;
  /** Entries after this sequence number (paging forward). */
  afterSeq?: number;
}

function entryFromRow(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    entityType: row.entity_type as AuditEntry['entityType'],
    entityId: row.entity_id,
    action: row.action,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    reason: row.reason,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The append-only, hash-chained audit trail. There is deliberately no update or delete here;
 * pass the transaction of the change being audited so the change and its entry commit together.
 */
export class AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  /** Appends one entry, chained to the last; returns it as stored. */
  async append(content: AuditEntryContent): Promise<AuditEntry> {
    if (!this.db.isTransaction) return this.db.transaction().execute((trx) => new AuditLog(trx).append(content));
    // Updating the head row first takes its lock (PostgreSQL) so concurrent appenders queue here
    // instead of both chaining to the same predecessor; SQLite already runs one writer at a time.
    const head = await this.db
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    const seq = Number(head.seq);
    // JSON round trip so what is hashed is exactly what a later read of the stored JSON gives back.
    const normalised: AuditEntryContent = { ...content, before: roundTrip(content.before), after: roundTrip(content.after) };
    const hash = sha256Hex(chainedText(seq, head.hash, normalised));
    await this.db
      .insertInto('audit_log')
      .values({
        seq,
        at: normalised.at,
        actor_id: normalised.actorId,
        actor_name: normalised.actorName,
        entity_type: normalised.entityType,
        entity_id: normalised.entityId,
        action: normalised.action,
        before_json: normalised.before === null ? null : JSON.stringify(normalised.before),
        after_json: normalised.after === null ? null : JSON.stringify(normalised.after),
        reason: normalised.reason,
        prev_hash: head.hash,
        hash,
      })
      .execute();
    await this.db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
    return { ...normalised, seq, prevHash: head.hash, hash };
  }

  /** Entries matching the filter, oldest first. */
  async list(filter: AuditFilter): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
    if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
    if (filter.afterSeq !== undefined) query = query.where('seq', '>', filter.afterSeq);
    const rows = await query.orderBy('seq').limit(filter.limit).execute();
    return rows.map(entryFromRow);
  }

  /** Re-computes the whole chain; an empty list means no entry was edited or deleted. */
  async verify(pageSize = 1000): Promise<{ entries: number; head: { seq: number; hash: string }; problems: ChainProblem[] }> {
    const headRow = await this.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    const head = { seq: Number(headRow.seq), hash: headRow.hash };
    const all: AuditEntry[] = [];
    let after = 0;
    for (;;) {
      const rows = await this.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
      if (rows.length === 0) break;
      all.push(...rows.map(entryFromRow));
      after = Number(rows[rows.length - 1]!.seq);
    }
    return { entries: all.length, head, problems: verifyChain(all, head, sha256Hex) };
  }
}

function roundTrip(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}
