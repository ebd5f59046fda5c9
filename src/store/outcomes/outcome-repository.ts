import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, TripOutcomesTable } from '#app/store/database-schema.ts';
import type { OutcomePatch, OutcomeRecord } from '#app/domain/outcomes/outcome-record-schema.ts';
import type { OutcomeStatus, OutcomeType, ProposalState } from '#app/domain/outcomes/outcome-types.ts';
import { FollowUpRepository, isoToday } from '#app/store/outcomes/follow-up-repository.ts';
import { outcomeDb, type OutcomeDb } from '#app/store/outcomes/outcome-db.ts';
import type { OutcomeRecordColumns } from '#app/store/outcomes/outcome-tables.ts';

/** Filters of the outcome list. */
export interface OutcomeFilter {
  tripId?: string;
  type?: OutcomeType | 'unclassified';
  status?: OutcomeStatus;
  theme?: string;
  partnerId?: string;
  /** Only outcomes whose type is still a proposal (`proposed`) or was confirmed. */
  typeState?: ProposalState;
  overdue?: boolean;
  limit: number;
  offset: number;
}

/** Result of an outcome change. */
export type OutcomeChange =
  | { kind: 'changed'; outcome: OutcomeRecord }
  | { kind: 'not-found' }
  | { kind: 'conflict'; current: OutcomeRecord }
  | { kind: 'unknown-references'; themes: string[]; partners: string[] };

type OutcomeRow = Selectable<TripOutcomesTable> & Selectable<OutcomeRecordColumns>;

/** Outcome records: type, status, themes and counterparties of each outcome item. */
export class OutcomeRepository {
  private readonly db: OutcomeDb;

  constructor(
    private readonly raw: Kysely<Database>,
    private readonly now: () => string = () => new Date().toISOString(),
    private readonly newId: () => string = randomUUID,
  ) {
    this.db = outcomeDb(raw);
  }

  /** Runs `work` in one transaction with a repository bound to it. */
  async transaction<T>(work: (repo: OutcomeRepository) => Promise<T>): Promise<T> {
    if (this.raw.isTransaction) return work(this);
    return this.raw.transaction().execute((trx) => work(new OutcomeRepository(trx, this.now, this.newId)));
  }

  /** A page of outcomes (trip start, then place in the trip), and how many match in all. */
  async list(filter: OutcomeFilter, visible: (tripId: string) => boolean = () => true, today = isoToday()): Promise<{ items: OutcomeRecord[]; total: number }> {
    let query = this.db.selectFrom('trip_outcomes').innerJoin('trips', 'trips.id', 'trip_outcomes.trip_id').selectAll('trip_outcomes');
    if (filter.tripId) query = query.where('trip_outcomes.trip_id', '=', filter.tripId);
    if (filter.type === 'unclassified') query = query.where('trip_outcomes.type', 'is', null);
    else if (filter.type) query = query.where('trip_outcomes.type', '=', filter.type);
    if (filter.status) query = query.where('trip_outcomes.status', '=', filter.status);
    if (filter.typeState) query = query.where('trip_outcomes.type_state', '=', filter.typeState);
    if (filter.theme) {
      const theme = filter.theme;
      query = query.where((eb) => eb.exists(eb.selectFrom('outcome_theme_links').select('outcome_id').whereRef('outcome_theme_links.outcome_id', '=', 'trip_outcomes.id').where('theme_id', '=', theme)));
    }
    if (filter.partnerId) {
      const partnerId = filter.partnerId;
      query = query.where((eb) => eb.exists(eb.selectFrom('outcome_partners').select('outcome_id').whereRef('outcome_partners.outcome_id', '=', 'trip_outcomes.id').where('partner_id', '=', partnerId)));
    }
    if (filter.overdue !== undefined) {
      const overdueIds = this.db.selectFrom('outcome_follow_ups').select('outcome_id').where('status', '=', 'open').where('due_on', '<', today);
      query = query.where('trip_outcomes.id', filter.overdue ? 'in' : 'not in', overdueIds);
    }
    const rows = (await query.orderBy('trips.start_date').orderBy('trips.id').orderBy('trip_outcomes.position').execute()) as OutcomeRow[];
    const readable = rows.filter((r) => visible(r.trip_id));
    const page = readable.slice(filter.offset, filter.offset + filter.limit);
    return { items: await this.hydrate(page, today), total: readable.length };
  }

  /** One outcome record, or undefined. */
  async get(id: string, today = isoToday()): Promise<OutcomeRecord | undefined> {
    const row = (await this.db.selectFrom('trip_outcomes').selectAll().where('id', '=', id).executeTakeFirst()) as OutcomeRow | undefined;
    return row ? (await this.hydrate([row], today))[0] : undefined;
  }

  /** Sets and confirms what the patch gives and accepts the proposals it names, if the version is current. */
  async update(id: string, patch: OutcomePatch): Promise<OutcomeChange> {
    return this.transaction(async (repo) => {
      const current = await repo.get(id);
      if (!current) return { kind: 'not-found' };
      if (current.version !== patch.version) return { kind: 'conflict', current };
      const missing = await repo.unknownReferences(patch.themes ?? [], patch.counterparties ?? []);
      if (missing.themes.length || missing.partners.length) return { kind: 'unknown-references', ...missing };
      const confirm = new Set(patch.confirm ?? []);
      const result = await repo.db
        .updateTable('trip_outcomes')
        .set({
          ...(patch.type !== undefined ? { type: patch.type, type_state: 'confirmed', type_rule: null } : confirm.has('type') && current.type !== null ? { type_state: 'confirmed' } : {}),
          ...(patch.status !== undefined ? { status: patch.status } : {}),
          ...(patch.agency !== undefined ? { agency: patch.agency } : {}),
          updated_at: repo.now(),
          version: current.version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', patch.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return { kind: 'conflict', current: (await repo.get(id)) as OutcomeRecord };
      if (patch.themes !== undefined) {
        await repo.db.deleteFrom('outcome_theme_links').where('outcome_id', '=', id).execute();
        const themes = [...new Set(patch.themes)];
        if (themes.length) await repo.db.insertInto('outcome_theme_links').values(themes.map((t) => ({ outcome_id: id, theme_id: t, state: 'confirmed' }))).execute();
      } else if (confirm.has('themes')) {
        await repo.db.updateTable('outcome_theme_links').set({ state: 'confirmed' }).where('outcome_id', '=', id).execute();
      }
      if (patch.counterparties !== undefined) {
        const keep = new Map(current.counterparties.map((c) => [c.partnerId, c.matched]));
        await repo.db.deleteFrom('outcome_partners').where('outcome_id', '=', id).execute();
        const partners = [...new Set(patch.counterparties)];
        if (partners.length) await repo.db.insertInto('outcome_partners').values(partners.map((p) => ({ outcome_id: id, partner_id: p, state: 'confirmed', matched: keep.get(p) ?? '' }))).execute();
        if (partners.length) await repo.db.updateTable('partners').set({ state: 'confirmed' }).where('id', 'in', partners).execute();
      } else if (confirm.has('counterparties')) {
        await repo.db.updateTable('outcome_partners').set({ state: 'confirmed' }).where('outcome_id', '=', id).execute();
        const linked = repo.db.selectFrom('outcome_partners').select('partner_id').where('outcome_id', '=', id);
        await repo.db.updateTable('partners').set({ state: 'confirmed' }).where('id', 'in', linked).execute();
      }
      if (confirm.has('followUps')) await new FollowUpRepository(repo.raw, repo.now, repo.newId).confirmAll(id);
      return { kind: 'changed', outcome: (await repo.get(id)) as OutcomeRecord };
    });
  }

  /** The trip an outcome belongs to. */
  async tripIdOf(id: string): Promise<string | undefined> {
    return (await this.db.selectFrom('trip_outcomes').select('trip_id').where('id', '=', id).executeTakeFirst())?.trip_id;
  }

  private async unknownReferences(themes: readonly string[], partners: readonly string[]): Promise<{ themes: string[]; partners: string[] }> {
    const knownThemes = themes.length ? new Set((await this.db.selectFrom('outcome_themes').select('id').where('id', 'in', themes).execute()).map((r) => r.id)) : new Set<string>();
    const knownPartners = partners.length ? new Set((await this.db.selectFrom('partners').select('id').where('id', 'in', partners).execute()).map((r) => r.id)) : new Set<string>();
    return { themes: themes.filter((t) => !knownThemes.has(t)), partners: partners.filter((p) => !knownPartners.has(p)) };
  }

  private async hydrate(rows: OutcomeRow[], today: string): Promise<OutcomeRecord[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const themes: { outcome_id: string; theme_id: string; state: string; position: number }[] = [];
    const partners: { outcome_id: string; partner_id: string; state: string; matched: string; kind: string; name: string; country_code: string | null }[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      themes.push(
        ...(await this.db
          .selectFrom('outcome_theme_links')
          .innerJoin('outcome_themes', 'outcome_themes.id', 'outcome_theme_links.theme_id')
          .select(['outcome_theme_links.outcome_id', 'outcome_theme_links.theme_id', 'outcome_theme_links.state', 'outcome_themes.position'])
          .where('outcome_theme_links.outcome_id', 'in', chunk)
          .execute()),
      );
      partners.push(
        ...(await this.db
          .selectFrom('outcome_partners')
          .innerJoin('partners', 'partners.id', 'outcome_partners.partner_id')
          .select(['outcome_partners.outcome_id', 'outcome_partners.partner_id', 'outcome_partners.state', 'outcome_partners.matched', 'partners.kind', 'partners.name', 'partners.country_code'])
          .where('outcome_partners.outcome_id', 'in', chunk)
          .execute()),
      );
    }
    const followUps = await new FollowUpRepository(this.raw).ofOutcomes(ids, today);
    const kindOrder: Record<string, number> = { city: 0, organisation: 1, person: 2 };
    return rows.map((row) => {
      const fus = followUps.get(row.id) ?? [];
      return {
        id: row.id,
        tripId: row.trip_id,
        position: Number(row.position),
        text: row.text,
        type: row.type as OutcomeType | null,
        typeState: row.type_state as ProposalState | null,
        typeRule: row.type_rule,
        status: row.status as OutcomeStatus,
        agency: row.agency,
        themes: themes
          .filter((t) => t.outcome_id === row.id)
          .sort((a, b) => Number(a.position) - Number(b.position))
          .map((t) => ({ id: t.theme_id, state: t.state as ProposalState })),
        counterparties: partners
          .filter((p) => p.outcome_id === row.id)
          .sort((a, b) => (kindOrder[a.kind] ?? 9) - (kindOrder[b.kind] ?? 9) || a.name.localeCompare(b.name))
          .map((p) => ({ partnerId: p.partner_id, kind: p.kind as 'city', name: p.name, countryCode: p.country_code, state: p.state as ProposalState, matched: p.matched })),
        followUps: fus,
        overdue: fus.some((f) => f.overdue),
        version: Number(row.version),
        updatedAt: row.updated_at,
      };
    });
  }
}
