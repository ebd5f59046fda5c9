import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import { dueDateOf } from '#app/domain/outcomes/follow-up-overdue.ts';
import { findDatedFollowUps } from '#app/domain/outcomes/follow-up-dates.ts';
import { suggestThemes } from '#app/domain/outcomes/outcome-themes.ts';
import { proposeOutcomeType } from '#app/domain/outcomes/outcome-type-rules.ts';
import { findCounterparties, type KnownPartner, type KnownPlace } from '#app/domain/partners/counterparty-finder.ts';
import { partnerNameKey } from '#app/domain/partners/partner-names.ts';
import { FollowUpRepository } from '#app/store/outcomes/follow-up-repository.ts';
import { jsonArray, outcomeDb } from '#app/store/outcomes/outcome-db.ts';
import { OutcomeThemeRepository } from '#app/store/outcomes/outcome-theme-repository.ts';

/** What one run of the proposal rules stored. */
export interface ProposalRun {
  outcomes: number;
  typesProposed: number;
  themeLinks: number;
  counterpartyLinks: number;
  partnersCreated: number;
  followUps: number;
}

/**
 * Runs the proposal rules on the outcome items of the given trips and stores what they find as
 * proposed: a type, themes, counterparties (creating proposed partner records for new names)
 * and dated follow-ups. Whatever a person confirmed is left alone; running it again replaces
 * only the untouched proposals. With `onlyNew`, items the rules have already seen are skipped.
 */
export async function proposeOutcomes(
  raw: Kysely<Database>,
  tripIds: readonly string[],
  options: { onlyNew?: boolean; now?: () => string; newId?: () => string } = {},
): Promise<ProposalRun> {
  const now = options.now ?? (() => new Date().toISOString());
  const newId = options.newId ?? randomUUID;
  const db = outcomeDb(raw);
  const run: ProposalRun = { outcomes: 0, typesProposed: 0, themeLinks: 0, counterpartyLinks: 0, partnersCreated: 0, followUps: 0 };
  if (tripIds.length === 0) return run;
  const themes = await new OutcomeThemeRepository(raw).list();
  const followUpRepo = new FollowUpRepository(raw, now, newId);
  const partnerRows = await db.selectFrom('partners').select(['id', 'kind', 'name', 'aliases', 'country_code']).execute();
  const partners: KnownPartner[] = partnerRows.map((p) => ({ id: p.id, kind: p.kind as KnownPartner['kind'], name: p.name, aliases: jsonArray<string>(p.aliases), countryCode: p.country_code }));
  const partnerByKey = new Map(partners.flatMap((p) => [p.name, ...p.aliases].map((n) => [`${p.kind}:${partnerNameKey(n)}`, p] as const)));
  const destinations = await db.selectFrom('trip_destinations').select(['trip_id', 'country', 'country_code', 'cities']).execute();
  const places: KnownPlace[] = [];
  const seenPlaces = new Set<string>();
  for (const d of destinations) {
    for (const city of jsonArray<string>(d.cities)) {
      const key = `${d.country_code}:${partnerNameKey(city)}`;
      if (!seenPlaces.has(key)) places.push({ name: city, countryCode: d.country_code, country: d.country });
      seenPlaces.add(key);
    }
  }

  for (const tripId of tripIds) {
    const trip = await db.selectFrom('trips').select(['id', 'start_date']).where('id', '=', tripId).executeTakeFirst();
    if (!trip) continue;
    const own = destinations.filter((d) => d.trip_id === tripId && d.country_code !== null);
    const countriesOfTrip = [...new Map(own.map((d) => [d.country_code, d])).values()];
    const defaultCountry = countriesOfTrip.length === 1 && countriesOfTrip[0] ? { code: countriesOfTrip[0].country_code as string, name: countriesOfTrip[0].country } : null;
    let query = db.selectFrom('trip_outcomes').select(['id', 'text', 'type_state']).where('trip_id', '=', tripId);
    if (options.onlyNew) query = query.where('proposed_at', 'is', null);
    for (const outcome of await query.orderBy('position').execute()) {
      run.outcomes += 1;
      if (outcome.type_state !== 'confirmed') {
        const proposal = proposeOutcomeType(outcome.text);
        await db.updateTable('trip_outcomes').set({ type: proposal.type, type_state: 'proposed', type_rule: proposal.rule }).where('id', '=', outcome.id).execute();
        run.typesProposed += 1;
      }

      await db.deleteFrom('outcome_theme_links').where('outcome_id', '=', outcome.id).where('state', '=', 'proposed').execute();
      const linkedThemes = new Set((await db.selectFrom('outcome_theme_links').select('theme_id').where('outcome_id', '=', outcome.id).execute()).map((r) => r.theme_id));
      const newThemes = suggestThemes(outcome.text, themes).filter((t) => !linkedThemes.has(t));
      if (newThemes.length) await db.insertInto('outcome_theme_links').values(newThemes.map((t) => ({ outcome_id: outcome.id, theme_id: t, state: 'proposed' }))).execute();
      run.themeLinks += newThemes.length;

      await db.deleteFrom('outcome_partners').where('outcome_id', '=', outcome.id).where('state', '=', 'proposed').execute();
      const linkedPartners = new Set((await db.selectFrom('outcome_partners').select('partner_id').where('outcome_id', '=', outcome.id).execute()).map((r) => r.partner_id));
      for (const found of findCounterparties(outcome.text, { places, partners, defaultCountry })) {
        let partnerId = found.partnerId ?? partnerByKey.get(`${found.kind}:${partnerNameKey(found.name)}`)?.id ?? null;
        if (partnerId === null) {
          partnerId = newId();
          const at = now();
          await db
            .insertInto('partners')
            .values({ id: partnerId, kind: found.kind, name: found.name, name_key: partnerNameKey(found.name), name_en: '', aliases: '[]', country_code: found.countryCode, notes: '', state: 'proposed', created_at: at, updated_at: at })
            .execute();
          const known: KnownPartner = { id: partnerId, kind: found.kind, name: found.name, aliases: [], countryCode: found.countryCode };
          partners.push(known);
          partnerByKey.set(`${found.kind}:${partnerNameKey(found.name)}`, known);
          run.partnersCreated += 1;
        }
        if (linkedPartners.has(partnerId)) continue;
        linkedPartners.add(partnerId);
        await db.insertInto('outcome_partners').values({ outcome_id: outcome.id, partner_id: partnerId, state: 'proposed', matched: found.matched }).execute();
        run.counterpartyLinks += 1;
      }

      const found = findDatedFollowUps(outcome.text, { start: trip.start_date }).map((f) => ({
        date: f.expected ? null : f.date,
        dueOn: f.expected ? dueDateOf(f.date) : null,
        description: f.description,
        written: f.written,
      }));
      await followUpRepo.dropStaleProposals(outcome.id, (e) => found.some((p) => p.description === e.description && p.date === e.occurredOn && p.dueOn === e.dueOn));
      const existing = await db.selectFrom('outcome_follow_ups').select(['occurred_on', 'due_on', 'description']).where('outcome_id', '=', outcome.id).execute();
      const proposals = found.filter((p) => !existing.some((e) => e.description === p.description && e.occurred_on === p.date && e.due_on === p.dueOn));
      run.followUps += await followUpRepo.propose(outcome.id, proposals);
      await db.updateTable('trip_outcomes').set({ proposed_at: now() }).where('id', '=', outcome.id).execute();
    }
  }
  return run;
}
