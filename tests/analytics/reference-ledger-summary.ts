// The in-memory ledger summary as it was before it became an accumulator (commit 5559820), kept
// verbatim as the reference the accumulator and the streamed reader must equal.
import { countries } from '#app/domain/places/country-list.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { isFollowUpOverdue } from '#app/domain/outcomes/follow-up-overdue.ts';
import type { FollowUpFacts, LedgerFilter, LedgerSummary } from '#app/domain/analytics/ledger-summary.ts';
import { countBy, ratio, tripCost, tripCostRatios, tripDays, tripHeadcount, type OutcomeFacts } from '#app/domain/analytics/trip-cost-ratios.ts';

/** Whether a trip matches the filter (the theme part is checked against its outcomes). */
function referenceTripMatches(trip: Trip, filter: LedgerFilter, outcomes: readonly OutcomeFacts[]): boolean {
  if (filter.year !== undefined && Number(trip.start.slice(0, 4)) !== filter.year) return false;
  if (filter.country) {
    const wanted = filter.country.trim();
    const known = countries.find((c) => c.code === wanted.toUpperCase() || c.name === wanted || c.aliases.includes(wanted));
    if (!trip.destinations.some((d) => d.country === wanted || (known !== undefined && d.countryCode === known.code))) return false;
  }
  if (filter.person && !trip.members.some((m) => m.name.includes(filter.person as string))) return false;
  if (filter.agency) {
    const a = filter.agency;
    const own = outcomes.filter((o) => o.tripId === trip.id);
    if (!trip.organisingAgency.includes(a) && !trip.members.some((m) => (m.agency ?? '').includes(a) || m.title.includes(a)) && !own.some((o) => (o.agency ?? '').includes(a))) return false;
  }
  if (filter.theme && !outcomes.some((o) => o.tripId === trip.id && o.themes.includes(filter.theme as string))) return false;
  return true;
}

/** Cross-trip totals, cost ratios, trips per country, outcomes per type/status/theme and follow-up realisation. */
export function referenceLedgerSummary(trips: readonly Trip[], outcomes: readonly OutcomeFacts[], followUps: readonly FollowUpFacts[], filter: LedgerFilter, today: string): LedgerSummary {
  const matching = trips.filter((t) => referenceTripMatches(t, filter, outcomes));
  const tripIds = new Set(matching.map((t) => t.id));
  const own = outcomes.filter((o) => tripIds.has(o.tripId) && (!filter.theme || o.themes.includes(filter.theme)));
  const outcomeIds = new Set(own.map((o) => o.id));
  const fus = followUps.filter((f) => outcomeIds.has(f.outcomeId));
  const costed = matching.filter((t) => tripCost(t).cost !== null);
  const totalCost = costed.reduce((sum, t) => sum + (tripCost(t).cost ?? 0), 0);
  const costedHeadcount = costed.reduce((sum, t) => sum + tripHeadcount(t).headcount, 0);
  const costedPersonDays = costed.reduce((sum, t) => sum + tripHeadcount(t).headcount * tripDays(t.start, t.end), 0);
  const perCountry = new Map<string, { countryCode: string | null; country: string; trips: number }>();
  for (const t of matching) {
    for (const d of new Map(t.destinations.map((x) => [x.countryCode ?? x.country, x])).values()) {
      const key = d.countryCode ?? d.country;
      const entry = perCountry.get(key) ?? { countryCode: d.countryCode, country: d.country, trips: 0 };
      entry.trips += 1;
      perCountry.set(key, entry);
    }
  }
  const done = fus.filter((f) => f.status === 'done').length;
  const open = fus.filter((f) => f.status === 'open').length;
  const perTheme: Record<string, number> = {};
  for (const o of own) for (const theme of o.themes) perTheme[theme] = (perTheme[theme] ?? 0) + 1;
  return {
    trips: matching.length,
    tripsWithCost: costed.length,
    totalCost,
    costedHeadcount,
    costedPersonDays,
    costPerMember: ratio(costed.length ? totalCost : null, costedHeadcount),
    costPerPersonDay: ratio(costed.length ? totalCost : null, costedPersonDays),
    totalPersonDays: matching.reduce((sum, t) => sum + tripCostRatios(t, []).personDays, 0),
    tripsPerCountry: [...perCountry.values()].sort((a, b) => b.trips - a.trips || a.country.localeCompare(b.country)),
    outcomes: own.length,
    outcomesByType: countBy(own, (o) => o.type ?? 'unclassified'),
    outcomesByStatus: countBy(own, (o) => o.status),
    outcomesPerTheme: perTheme,
    realisedShare: own.length ? own.filter((o) => o.status === 'realised').length / own.length : null,
    followUps: {
      total: fus.length,
      done,
      open,
      overdue: fus.filter((f) => isFollowUpOverdue(f, today)).length,
      cancelled: fus.filter((f) => f.status === 'cancelled').length,
      realisationRate: done + open ? done / (done + open) : null,
    },
  };
}
