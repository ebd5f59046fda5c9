import type { Destination } from '#app/domain/trips/trip-schema.ts';

/** The 出國地點 cell: each country followed by its cities, e.g. `日本名古屋、東京`, `日本東京、韓國首爾`. */
export function formatPlaces(destinations: readonly Destination[]): string {
  return destinations.map((d) => `${d.country}${d.cities.join('、')}`).join('、');
}
