import type { Insertable, Selectable } from 'kysely';
import type { TripDestinationsTable, TripMembersTable, TripOutcomesTable, TripsTable } from '#app/store/database-schema.ts';
import { WORKFLOW_FIELD_DEFAULTS, type Trip, type TripInput } from '#app/domain/trips/trip-schema.ts';
import { isCrossStrait, NO_CROSS_STRAIT_STEPS } from '#app/domain/workflow/cross-strait-steps.ts';

// Conversion between the trip aggregate and its rows. Kept apart from the queries so the
// mapping of each column is written once.

/** Columns of the `trips` row for a trip's scalar fields. */
export function tripColumns(
  trip: TripInput,
): Omit<Insertable<TripsTable>, 'id' | 'created_at' | 'updated_at' | 'version' | 'lifecycle_state' | 'created_by' | 'submitted_by'> {
  return {
    title: trip.title,
    purpose: trip.purpose,
    category: trip.category,
    organising_agency: trip.organisingAgency,
    inviting_body: trip.invitingBody,
    start_date: trip.start,
    end_date: trip.end,
    headcount: trip.headcount,
    budget_currency: trip.budget.currency,
    budget_estimate: trip.budget.estimate,
    budget_approved: trip.budget.approved,
    budget_actual: trip.budget.actual,
    settlement_status: trip.budget.status,
    estimate_breakdown: JSON.stringify(trip.budget.estimateBreakdown),
    actual_breakdown: JSON.stringify(trip.budget.actualBreakdown),
    notes: trip.notes,
    source_document: trip.source?.document ?? null,
    source_document_hash: trip.source?.documentHash ?? null,
    source_line: trip.source?.line ?? null,
    topics: JSON.stringify(trip.topics ?? WORKFLOW_FIELD_DEFAULTS.topics),
    themes: JSON.stringify(trip.themes ?? WORKFLOW_FIELD_DEFAULTS.themes),
    expected_benefits: trip.expectedBenefits ?? WORKFLOW_FIELD_DEFAULTS.expectedBenefits,
    plan_days: trip.days ?? WORKFLOW_FIELD_DEFAULTS.days,
    cross_strait: isCrossStrait(trip.destinations) ? 1 : 0,
    cross_strait_steps: JSON.stringify(trip.crossStraitSteps ?? WORKFLOW_FIELD_DEFAULTS.crossStraitSteps),
    post_trip_report: trip.report ? JSON.stringify(trip.report) : null,
    variance_explanation: trip.varianceExplanation ?? WORKFLOW_FIELD_DEFAULTS.varianceExplanation,
  };
}

/** Child rows of a trip: destinations, members and outcomes in their order. */
export function childRows(
  tripId: string,
  trip: TripInput,
  newId: () => string,
): { destinations: TripDestinationsTable[]; members: TripMembersTable[]; outcomes: TripOutcomesTable[] } {
  return {
    destinations: trip.destinations.map((d, position) => ({
      trip_id: tripId,
      position,
      country: d.country,
      country_code: d.countryCode,
      cities: JSON.stringify(d.cities),
    })),
    members: trip.members.map((m, position) => ({
      trip_id: tripId,
      position,
      name: m.name,
      title: m.title,
      agency: m.agency,
      role: m.role,
    })),
    outcomes: trip.outcomes.map((o, position) => ({ id: o.id ?? newId(), trip_id: tripId, position, text: o.text })),
  };
}

/** Assembles the trip aggregate from its row and child rows (children already in order). */
export function tripFromRows(
  row: Selectable<TripsTable>,
  destinations: Selectable<TripDestinationsTable>[],
  members: Selectable<TripMembersTable>[],
  outcomes: Selectable<TripOutcomesTable>[],
): Trip {
  return {
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    category: row.category as Trip['category'],
    organisingAgency: row.organising_agency,
    invitingBody: row.inviting_body,
    start: row.start_date,
    end: row.end_date,
    destinations: destinations.map((d) => ({ country: d.country, countryCode: d.country_code, cities: JSON.parse(d.cities) as string[] })),
    members: members.map((m) => ({ name: m.name, title: m.title, agency: m.agency, role: m.role as 'leader' | 'member' })),
    headcount: row.headcount,
    budget: {
      currency: 'TWD',
      estimate: row.budget_estimate,
      approved: row.budget_approved,
      actual: row.budget_actual,
      status: row.settlement_status as Trip['budget']['status'],
      estimateBreakdown: JSON.parse(row.estimate_breakdown) as Trip['budget']['estimateBreakdown'],
      actualBreakdown: JSON.parse(row.actual_breakdown) as Trip['budget']['actualBreakdown'],
    },
    outcomes: outcomes.map((o) => ({ id: o.id, text: o.text })),
    notes: row.notes,
    source:
      row.source_document !== null && row.source_document_hash !== null && row.source_line !== null
        ? { document: row.source_document, documentHash: row.source_document_hash, line: row.source_line }
        : null,
    topics: JSON.parse(row.topics) as string[],
    themes: JSON.parse(row.themes) as string[],
    expectedBenefits: row.expected_benefits,
    days: row.plan_days,
    crossStraitSteps: { ...NO_CROSS_STRAIT_STEPS, ...(JSON.parse(row.cross_strait_steps) as Partial<Trip['crossStraitSteps']>) },
    report: row.post_trip_report === null ? null : (JSON.parse(row.post_trip_report) as Trip['report']),
    varianceExplanation: row.variance_explanation,
    lifecycleState: row.lifecycle_state as Trip['lifecycleState'],
    crossStrait: row.cross_strait === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
