import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import { partnerNameKey } from '#app/domain/partners/partner-names.ts';
import type { Partner, PartnerFields, PartnerKind } from '#app/domain/partners/partner-schema.ts';
import { orderTimeline, type TimelineEntry } from '#app/domain/partners/partner-timeline.ts';
import type { ProposalState } from '#app/domain/outcomes/outcome-types.ts';
import { jsonArray, outcomeDb, type OutcomeDb } from '#app/store/outcomes/outcome-db.ts';
import type { PartnersTable } from '#app/store/outcomes/outcome-tables.ts';

/** A partner and whether a person has confirmed it (the rules create `proposed` ones). */
export type StoredPartner = Partner & { state: ProposalState };

/** Filters of the partner list. */
export interface PartnerFilter {
  kind?: PartnerKind;
  /** Part of the name, English name or an alias. */
  q?: string;
  state?: ProposalState;
  limit: number;
  offset: number;
}

/** The partner registry: cities, organisations and people, and their timelines. */
export class PartnerRepository {
  private readonly db: OutcomeDb;

  constructor(
    db: Kysely<Database>,
    private readonly now: () => string = () => new Date().toISOString(),
    private readonly newId: () => string = randomUUID,
  ) {
    this.db = outcomeDb(db);
  }

  /** Every partner, for matching names in texts. */
  async all(): Promise<StoredPartner[]> {
    return (await this.db.selectFrom('partners').selectAll().orderBy('kind').orderBy('name').execute()).map(toPartner);
  }

  /** A page of partners and how many match. */
  async list(filter: PartnerFilter): Promise<{ items: StoredPartner[]; total: number }> {
    let items = await this.all();
    if (filter.kind) items = items.filter((p) => p.kind === filter.kind);
    if (filter.state) items = items.filter((p) => p.state === filter.state);
    if (filter.q) {
      const q = filter.q.toLowerCase();
      items = items.filter((p) => [p.name, p.nameEn, ...p.aliases].some((n) => n.toLowerCase().includes(q)));
    }
    return { items: items.slice(filter.offset, filter.offset + filter.limit), total: items.length };
  }

  /** One partner, or undefined. */
  async get(id: string): Promise<StoredPartner | undefined> {
    const row = await this.db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toPartner(row) : undefined;
  }

  /** The partner of this kind whose name or alias has the same key, if any. */
  async findByName(kind: PartnerKind, name: string): Promise<StoredPartner | undefined> {
    const key = partnerNameKey(name);
    return (await this.all()).find((p) => p.kind === kind && [p.name, ...p.aliases].some((n) => partnerNameKey(n) === key));
  }

  /** Adds a partner; `duplicate` when one of the same kind already has that name. */
  async create(fields: PartnerFields, state: ProposalState = 'confirmed'): Promise<{ kind: 'created'; partner: StoredPartner } | { kind: 'duplicate'; existing: StoredPartner }> {
    const existing = await this.findByName(fields.kind, fields.name);
    if (existing) return { kind: 'duplicate', existing };
    const id = this.newId();
    const at = this.now();
    await this.db
      .insertInto('partners')
      .values({ id, kind: fields.kind, name: fields.name, name_key: partnerNameKey(fields.name), name_en: fields.nameEn, aliases: JSON.stringify(fields.aliases), country_code: fields.countryCode, notes: fields.notes, state, created_at: at, updated_at: at })
      .execute();
    return { kind: 'created', partner: (await this.get(id)) as StoredPartner };
  }

  /** Changes a partner (which confirms it); `duplicate` when the new name belongs to another one. */
  async update(id: string, change: Partial<PartnerFields>): Promise<{ kind: 'updated'; partner: StoredPartner } | { kind: 'not-found' } | { kind: 'duplicate'; existing: StoredPartner }> {
    const current = await this.get(id);
    if (!current) return { kind: 'not-found' };
    const next = { ...current, ...change };
    const clash = (await this.all()).find((p) => p.id !== id && p.kind === next.kind && partnerNameKey(p.name) === partnerNameKey(next.name));
    if (clash) return { kind: 'duplicate', existing: clash };
    await this.db
      .updateTable('partners')
      .set({ kind: next.kind, name: next.name, name_key: partnerNameKey(next.name), name_en: next.nameEn, aliases: JSON.stringify(next.aliases), country_code: next.countryCode, notes: next.notes, state: 'confirmed', updated_at: this.now() })
      .where('id', '=', id)
      .execute();
    return { kind: 'updated', partner: (await this.get(id)) as StoredPartner };
  }

  /**
   * Every trip, outcome, follow-up and agreement that touches the partner, in time order: trips
   * that went to the city, outcomes linked to it (and their trips and follow-ups), agreements.
   */
  async timeline(id: string, visible: (tripId: string) => boolean = () => true): Promise<TimelineEntry[] | undefined> {
    const partner = await this.get(id);
    if (!partner) return undefined;
    const entries: TimelineEntry[] = [];
    const base = { tripId: null, outcomeId: null, followUpId: null, agreementId: null, state: null };
    const tripIds = new Set<string>();
    if (partner.kind === 'city') {
      const keys = new Set([partner.name, ...partner.aliases].map(partnerNameKey));
      const destinations = await this.db.selectFrom('trip_destinations').select(['trip_id', 'country_code', 'cities']).execute();
      for (const d of destinations) {
        if (partner.countryCode && d.country_code && d.country_code !== partner.countryCode) continue;
        if (jsonArray<string>(d.cities).some((c) => keys.has(partnerNameKey(c)))) tripIds.add(d.trip_id);
      }
    }
    const destinationTrips = new Set(tripIds);
    const outcomes = await this.db
      .selectFrom('outcome_partners')
      .innerJoin('trip_outcomes', 'trip_outcomes.id', 'outcome_partners.outcome_id')
      .innerJoin('trips', 'trips.id', 'trip_outcomes.trip_id')
      .select(['trip_outcomes.id', 'trip_outcomes.trip_id', 'trip_outcomes.text', 'trips.start_date', 'outcome_partners.state'])
      .where('outcome_partners.partner_id', '=', id)
      .execute();
    for (const o of outcomes) {
      tripIds.add(o.trip_id);
      entries.push({ ...base, date: o.start_date, kind: 'outcome', tripId: o.trip_id, outcomeId: o.id, text: o.text, via: 'outcome', state: o.state as ProposalState });
    }
    if (tripIds.size) {
      const trips = await this.db.selectFrom('trips').select(['id', 'title', 'start_date']).where('id', 'in', [...tripIds]).execute();
      for (const t of trips) entries.push({ ...base, date: t.start_date, kind: 'trip', tripId: t.id, text: t.title, via: destinationTrips.has(t.id) ? 'destination' : 'outcome' });
    }
    if (outcomes.length) {
      const tripOf = new Map(outcomes.map((o) => [o.id, o.trip_id]));
      const followUps = await this.db
        .selectFrom('outcome_follow_ups')
        .select(['id', 'outcome_id', 'occurred_on', 'due_on', 'description', 'created_at'])
        .where('outcome_id', 'in', outcomes.map((o) => o.id))
        .execute();
      for (const f of followUps) {
        entries.push({ ...base, date: f.occurred_on ?? f.due_on ?? f.created_at.slice(0, 10), kind: 'follow-up', tripId: tripOf.get(f.outcome_id) ?? null, outcomeId: f.outcome_id, followUpId: f.id, text: f.description, via: 'follow-up' });
      }
    }
    const agreements = await this.db
      .selectFrom('agreement_parties')
      .innerJoin('agreements', 'agreements.id', 'agreement_parties.agreement_id')
      .leftJoin('trip_outcomes', 'trip_outcomes.id', 'agreements.outcome_id')
      .select(['agreements.id', 'agreements.title', 'agreements.signed_on', 'agreements.outcome_id', 'trip_outcomes.trip_id'])
      .where('agreement_parties.partner_id', '=', id)
      .execute();
    for (const a of agreements) entries.push({ ...base, date: a.signed_on, kind: 'agreement', tripId: a.trip_id ?? null, outcomeId: a.outcome_id, agreementId: a.id, text: a.title, via: 'agreement' });
    return orderTimeline(entries.filter((e) => e.tripId === null || visible(e.tripId)));
  }
}

function toPartner(row: Selectable<PartnersTable>): StoredPartner {
  return {
    id: row.id,
    kind: row.kind as PartnerKind,
    name: row.name,
    nameEn: row.name_en,
    aliases: jsonArray<string>(row.aliases),
    countryCode: row.country_code,
    notes: row.notes,
    state: row.state as ProposalState,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
