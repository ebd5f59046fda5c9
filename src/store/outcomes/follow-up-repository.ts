import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import { isFollowUpOverdue } from '#app/domain/outcomes/follow-up-overdue.ts';
import type { FollowUp, FollowUpInput, FollowUpPatch } from '#app/domain/outcomes/follow-up-schema.ts';
import { jsonArray, outcomeDb, type OutcomeDb } from '#app/store/outcomes/outcome-db.ts';
import type { OutcomeFollowUpsTable } from '#app/store/outcomes/outcome-tables.ts';

/** Result of a follow-up change: the follow-up, none with that id, or a stale version. */
export type FollowUpChange = { kind: 'changed'; followUp: FollowUp } | { kind: 'not-found' } | { kind: 'conflict'; current: FollowUp };

/** Today as an ISO date, the reference for overdue checks. */
export function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Follow-ups under outcomes, with their evidence. Pass a transaction as `db` to join it. */
export class FollowUpRepository {
  private readonly db: OutcomeDb;

  constructor(
    db: Kysely<Database>,
    private readonly now: () => string = () => new Date().toISOString(),
    private readonly newId: () => string = randomUUID,
  ) {
    this.db = outcomeDb(db);
  }

  /** Follow-ups of the given outcomes, oldest first, keyed by outcome id. */
  async ofOutcomes(outcomeIds: readonly string[], today = isoToday()): Promise<Map<string, FollowUp[]>> {
    const byOutcome = new Map<string, FollowUp[]>();
    if (outcomeIds.length === 0) return byOutcome;
    const rows: Selectable<OutcomeFollowUpsTable>[] = [];
    // Chunks keep the IN list under SQLite's bound-parameter limit on large ledgers.
    for (let i = 0; i < outcomeIds.length; i += 500) {
      rows.push(...(await this.db.selectFrom('outcome_follow_ups').selectAll().where('outcome_id', 'in', outcomeIds.slice(i, i + 500)).execute()));
    }
    const files = await this.filesOf(rows.map((r) => r.id));
    rows.sort((a, b) => (a.occurred_on ?? a.due_on ?? '').localeCompare(b.occurred_on ?? b.due_on ?? '') || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
    for (const row of rows) {
      const list = byOutcome.get(row.outcome_id) ?? [];
      list.push(toFollowUp(row, files.get(row.id) ?? [], today));
      byOutcome.set(row.outcome_id, list);
    }
    return byOutcome;
  }

  /** One follow-up, or undefined. */
  async get(id: string, today = isoToday()): Promise<FollowUp | undefined> {
    const row = await this.db.selectFrom('outcome_follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return toFollowUp(row, (await this.filesOf([id])).get(id) ?? [], today);
  }

  /** The outcome a follow-up hangs under. */
  async outcomeIdOf(id: string): Promise<string | undefined> {
    return (await this.db.selectFrom('outcome_follow_ups').select('outcome_id').where('id', '=', id).executeTakeFirst())?.outcome_id;
  }

  /** Records a follow-up a person entered; it is confirmed from the start. */
  async create(outcomeId: string, input: FollowUpInput): Promise<FollowUp> {
    const id = this.newId();
    const at = this.now();
    await this.db
      .insertInto('outcome_follow_ups')
      .values({
        id,
        outcome_id: outcomeId,
        occurred_on: input.date,
        due_on: input.dueOn,
        description: input.description,
        status: input.status ?? (input.date ? 'done' : 'open'),
        state: 'confirmed',
        source: 'person',
        written: null,
        links: JSON.stringify(input.links),
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    return (await this.get(id)) as FollowUp;
  }

  /** Stores follow-ups proposed from an outcome's text. */
  async propose(outcomeId: string, proposals: readonly { date: string | null; dueOn: string | null; description: string; written: string }[]): Promise<number> {
    if (proposals.length === 0) return 0;
    const at = this.now();
    await this.db
      .insertInto('outcome_follow_ups')
      .values(
        proposals.map((p) => ({
          id: this.newId(),
          outcome_id: outcomeId,
          occurred_on: p.date,
          due_on: p.dueOn,
          description: p.description,
          status: p.date ? 'done' : 'open',
          state: 'proposed',
          source: 'rules',
          written: p.written,
          links: '[]',
          created_at: at,
          updated_at: at,
          version: 1,
        })),
      )
      .execute();
    return proposals.length;
  }

  /**
   * Drops the untouched rule proposals of an outcome that `stillProposed` no longer yields, so a
   * re-run keeps the ids of unchanged proposals (a person's edits and evidence are never dropped).
   */
  async dropStaleProposals(outcomeId: string, stillProposed: (f: { occurredOn: string | null; dueOn: string | null; description: string }) => boolean): Promise<void> {
    const withFiles = this.db.selectFrom('follow_up_files').select('follow_up_id');
    const untouched = await this.db
      .selectFrom('outcome_follow_ups')
      .select(['id', 'occurred_on', 'due_on', 'description'])
      .where('outcome_id', '=', outcomeId)
      .where('source', '=', 'rules')
      .where('state', '=', 'proposed')
      .where('version', '=', 1)
      .where('id', 'not in', withFiles)
      .execute();
    const stale = untouched.filter((f) => !stillProposed({ occurredOn: f.occurred_on, dueOn: f.due_on, description: f.description })).map((f) => f.id);
    if (stale.length) await this.db.deleteFrom('outcome_follow_ups').where('id', 'in', stale).execute();
  }

  /** Changes a follow-up if `patch.version` is current; any change by a person confirms it. */
  async update(id: string, patch: FollowUpPatch): Promise<FollowUpChange> {
    const current = await this.get(id);
    if (!current) return { kind: 'not-found' };
    if (current.version !== patch.version) return { kind: 'conflict', current };
    const result = await this.db
      .updateTable('outcome_follow_ups')
      .set({
        ...(patch.date !== undefined ? { occurred_on: patch.date } : {}),
        ...(patch.dueOn !== undefined ? { due_on: patch.dueOn } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.links !== undefined ? { links: JSON.stringify(patch.links) } : {}),
        state: 'confirmed',
        updated_at: this.now(),
        version: current.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const latest = await this.get(id);
      return latest ? { kind: 'conflict', current: latest } : { kind: 'not-found' };
    }
    return { kind: 'changed', followUp: (await this.get(id)) as FollowUp };
  }

  /** Confirms every proposed follow-up of an outcome as it is. */
  async confirmAll(outcomeId: string): Promise<void> {
    await this.db.updateTable('outcome_follow_ups').set({ state: 'confirmed', updated_at: this.now() }).where('outcome_id', '=', outcomeId).where('state', '=', 'proposed').execute();
  }

  /** Deletes a follow-up and its files; false when there was none. */
  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('outcome_follow_ups').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Attaches an evidence file to a follow-up. */
  async attach(followUpId: string, file: { name: string; mediaType: string; bytes: Buffer }): Promise<{ id: string; name: string; mediaType: string; size: number; sha256: string }> {
    const id = this.newId();
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    await this.db
      .insertInto('follow_up_files')
      .values({ id, follow_up_id: followUpId, name: file.name, media_type: file.mediaType, size: file.bytes.byteLength, sha256, content_base64: file.bytes.toString('base64'), created_at: this.now() })
      .execute();
    return { id, name: file.name, mediaType: file.mediaType, size: file.bytes.byteLength, sha256 };
  }

  /** An attached file with its bytes, or undefined. */
  async file(followUpId: string, fileId: string): Promise<{ name: string; mediaType: string; bytes: Buffer } | undefined> {
    const row = await this.db.selectFrom('follow_up_files').selectAll().where('id', '=', fileId).where('follow_up_id', '=', followUpId).executeTakeFirst();
    return row ? { name: row.name, mediaType: row.media_type, bytes: Buffer.from(row.content_base64, 'base64') } : undefined;
  }

  private async filesOf(followUpIds: readonly string[]): Promise<Map<string, FollowUp['files']>> {
    const map = new Map<string, FollowUp['files']>();
    if (followUpIds.length === 0) return map;
    for (let i = 0; i < followUpIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('follow_up_files')
        .select(['id', 'follow_up_id', 'name', 'media_type', 'size', 'sha256'])
        .where('follow_up_id', 'in', followUpIds.slice(i, i + 500))
        .orderBy('created_at')
        .execute();
      for (const r of rows) map.set(r.follow_up_id, [...(map.get(r.follow_up_id) ?? []), { id: r.id, name: r.name, mediaType: r.media_type, size: Number(r.size), sha256: r.sha256 }]);
    }
    return map;
  }
}

function toFollowUp(row: Selectable<OutcomeFollowUpsTable>, files: FollowUp['files'], today: string): FollowUp {
  const f = {
    id: row.id,
    outcomeId: row.outcome_id,
    date: row.occurred_on,
    dueOn: row.due_on,
    description: row.description,
    status: row.status as FollowUp['status'],
    state: row.state as FollowUp['state'],
    source: row.source as FollowUp['source'],
    written: row.written,
    links: jsonArray<FollowUp['links'][number]>(row.links),
    files,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return { ...f, overdue: isFollowUpOverdue(f, today) };
}
