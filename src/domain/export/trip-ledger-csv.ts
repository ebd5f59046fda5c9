import { formatRocDate } from '#app/domain/dates/roc-date.ts';
import { csvLine } from '#app/domain/export/csv.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';

/** Columns of the ledger CSV, in order; documented in docs/data-dictionary.md. */
export const LEDGER_CSV_COLUMNS = [
  'id',
  'title',
  'start',
  'end',
  'start_roc',
  'end_roc',
  'countries',
  'country_codes',
  'cities',
  'members',
  'headcount',
  'budget_estimate',
  'budget_approved',
  'budget_actual',
  'settlement_status',
  'outcome_count',
  'outcomes',
  'source_document',
  'source_line',
  'updated_at',
] as const;

/** The CSV header line. */
export function ledgerCsvHeader(): string {
  return csvLine(LEDGER_CSV_COLUMNS);
}

/** One trip as a CSV line; lists inside a cell are joined with ` | `. */
export function ledgerCsvRow(trip: Trip): string {
  return csvLine([
    trip.id,
    trip.title,
    trip.start,
    trip.end,
    formatRocDate(trip.start),
    formatRocDate(trip.end),
    trip.destinations.map((d) => d.country).join(' | '),
    trip.destinations.map((d) => d.countryCode ?? '').join(' | '),
    trip.destinations.flatMap((d) => d.cities).join(' | '),
    trip.members.map((m) => `${m.title}${m.name}`).join(' | '),
    trip.headcount,
    trip.budget.estimate,
    trip.budget.approved,
    trip.budget.actual,
    trip.budget.status,
    trip.outcomes.length,
    trip.outcomes.map((o, i) => `${i + 1}. ${o.text}`).join(' | '),
    trip.source?.document,
    trip.source?.line,
    trip.updatedAt,
  ]);
}
