import { isPublicTrip } from '#app/domain/trips/public-trip.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';

/** Which trips a report or data file covers; every part is optional and they combine with AND. */
export interface ReportSelection {
  /** First day of the period (ISO); a trip is in the period when it starts within it. */
  from?: string;
  /** Last day of the period (ISO). */
  to?: string;
  /** Agencies: a trip belongs to one when it organises the trip or a member comes from it. */
  agencies?: readonly string[];
  /** Only these trips. */
  tripIds?: readonly string[];
  /** Only trips the public may see (open data). */
  publishedOnly?: boolean;
}

/** Whether a trip falls in the selection. */
export function isSelected(trip: Trip, selection: ReportSelection): boolean {
  if (selection.publishedOnly && !isPublicTrip(trip)) return false;
  if (selection.from && trip.start < selection.from) return false;
  if (selection.to && trip.start > selection.to) return false;
  if (selection.tripIds && selection.tripIds.length > 0 && !selection.tripIds.includes(trip.id)) return false;
  if (selection.agencies && selection.agencies.length > 0) {
    const agencies = new Set([trip.organisingAgency, ...trip.members.map((m) => m.agency ?? '')].filter((a) => a !== ''));
    if (!selection.agencies.some((a) => agencies.has(a))) return false;
  }
  return true;
}

/** The selected trips in report order: by start date, then title. */
export function selectReportTrips(trips: readonly Trip[], selection: ReportSelection): Trip[] {
  return trips
    .filter((t) => isSelected(t, selection))
    .sort((a, b) => (a.start === b.start ? a.title.localeCompare(b.title, 'zh-Hant') : a.start < b.start ? -1 : 1));
}
