import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import type { Agreement, AgreementInput, AgreementKind, AgreementPatch, PartnerKind } from '#app/domain/partners/partner-schema.ts';
import { outcomeDb, type OutcomeDb } from '#app/store/outcomes/outcome-db.ts';
import type { AgreementsTable } from '#app/store/outcomes/outcome-tables.ts';

/** Result of an agreement write. */
export type AgreementWrite = { kind: 'ok'; agreement: Agreement } | { kind: 'not-found' } | { kind: 'unknown-references'; partners: string[]; outcome: string | null };

/** Agreements (sister city, friendship city, MOU) with their parties. */
export class AgreementRepository {
  private readonly db: OutcomeDb;

  constructor(
    private readonly raw: Kysely<Database>,
    private readonly now: () => string = () => new Date().toISOString(),
    private readonly newId: () => string = randomUUID,
  ) {
    this.db = outcomeDb(raw);
  }

  /** Every agreement, or those with one partner, by signing date. */
  async list(partnerId?: string): Promise<Agreement[]> {
    let query = this.db.selectFrom('agreements').selectAll();
    if (partnerId) query = query.where('id', 'in', this.db.selectFrom('agreement_parties').select('agreement_id').where('partner_id', '=', partnerId));
    return this.hydrate(await query.orderBy('signed_on').orderBy('id').execute());
  }

  /** One agreement, or undefined. */
  async get(id: string): Promise<Agreement | undefined> {
    return (await this.hydrate(await this.db.selectFrom('agreements').selectAll().where('id', '=', id).execute()))[0];
  }

  /** Records an agreement; refuses unknown partner or outcome ids. */
  async create(input: AgreementInput): Promise<AgreementWrite> {
    return this.write(async (db) => {
      const missing = await this.unknown(db, input.partnerIds, input.outcomeId);
      if (missing) return missing;
      const id = this.newId();
      const at = this.now();
      await db
        .insertInto('agreements')
        .values({ id, kind: input.kind, title: input.title, signed_on: input.signedOn, review_on: input.reviewOn, expires_on: input.expiresOn, outcome_id: input.outcomeId, notes: input.notes, created_at: at, updated_at: at })
        .execute();
      await db.insertInto('agreement_parties').values([...new Set(input.partnerIds)].map((p) => ({ agreement_id: id, partner_id: p }))).execute();
      return { kind: 'ok', agreement: (await new AgreementRepository(db as unknown as Kysely<Database>).get(id)) as Agreement };
    });
  }

  /** Changes an agreement; refuses unknown references and dates before the signing. */
  async update(id: string, patch: AgreementPatch): Promise<AgreementWrite | { kind: 'invalid'; field: string; message: string }> {
    return this.write(async (db) => {
      const repo = new AgreementRepository(db as unknown as Kysely<Database>, this.now, this.newId);
      const current = await repo.get(id);
      if (!current) return { kind: 'not-found' };
      const missing = await this.unknown(db, patch.partnerIds ?? [], patch.outcomeId ?? null);
      if (missing) return missing;
      const signedOn = patch.signedOn ?? current.signedOn;
      for (const field of ['reviewOn', 'expiresOn'] as const) {
        const value = patch[field] !== undefined ? patch[field] : current[field];
        if (value && value < signedOn) return { kind: 'invalid', field, message: `${field} ${value} is before signedOn ${signedOn}` };
      }
      await db
        .updateTable('agreements')
        .set({
          ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.signedOn !== undefined ? { signed_on: patch.signedOn } : {}),
          ...(patch.reviewOn !== undefined ? { review_on: patch.reviewOn } : {}),
          ...(patch.expiresOn !== undefined ? { expires_on: patch.expiresOn } : {}),
          ...(patch.outcomeId !== undefined ? { outcome_id: patch.outcomeId } : {}),
          ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
          updated_at: this.now(),
        })
        .where('id', '=', id)
        .execute();
      if (patch.partnerIds) {
        await db.deleteFrom('agreement_parties').where('agreement_id', '=', id).execute();
        await db.insertInto('agreement_parties').values([...new Set(patch.partnerIds)].map((p) => ({ agreement_id: id, partner_id: p }))).execute();
      }
      return { kind: 'ok', agreement: (await repo.get(id)) as Agreement };
    });
  }

  /** Deletes an agreement; false when there was none. */
  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('agreements').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  private async write<T>(work: (db: OutcomeDb) => Promise<T>): Promise<T> {
    if (this.raw.isTransaction) return work(this.db);
    return this.db.transaction().execute((trx) => work(trx as unknown as OutcomeDb));
  }

  private async unknown(db: OutcomeDb, partnerIds: readonly string[], outcomeId: string | null): Promise<{ kind: 'unknown-references'; partners: string[]; outcome: string | null } | null> {
    const known = partnerIds.length ? new Set((await db.selectFrom('partners').select('id').where('id', 'in', partnerIds).execute()).map((r) => r.id)) : new Set<string>();
    const partners = partnerIds.filter((p) => !known.has(p));
    const outcomeMissing = outcomeId !== null && !(await db.selectFrom('trip_outcomes').select('id').where('id', '=', outcomeId).executeTakeFirst());
    return partners.length || outcomeMissing ? { kind: 'unknown-references', partners, outcome: outcomeMissing ? outcomeId : null } : null;
  }

  private async hydrate(rows: Selectable<AgreementsTable>[]): Promise<Agreement[]> {
    if (rows.length === 0) return [];
    const parties = await this.db
      .selectFrom('agreement_parties')
      .innerJoin('partners', 'partners.id', 'agreement_parties.partner_id')
      .select(['agreement_parties.agreement_id', 'partners.id', 'partners.name', 'partners.kind'])
      .where('agreement_parties.agreement_id', 'in', rows.map((r) => r.id))
      .orderBy('partners.name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as AgreementKind,
      title: r.title,
      signedOn: r.signed_on,
      reviewOn: r.review_on,
      expiresOn: r.expires_on,
      parties: parties.filter((p) => p.agreement_id === r.id).map((p) => ({ partnerId: p.id, name: p.name, kind: p.kind as PartnerKind })),
      outcomeId: r.outcome_id,
      notes: r.notes,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }
}
