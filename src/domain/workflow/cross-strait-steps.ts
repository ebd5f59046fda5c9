import { z } from 'zod';
import { countryByCode } from '#app/domain/places/country-list.ts';

// Trips to mainland China, Hong Kong or Macau need permission before departure and a return
// notification within 7 working days of coming home; these are the dates that prove both.

export const crossStraitSteps = z.object({
  permissionRequestedOn: z.iso.date().nullable().default(null).describe('Date the prior permission was applied for'),
  permissionGrantedOn: z.iso.date().nullable().default(null).describe('Date the permission was granted; needed before departure'),
  permissionReference: z.string().max(200).default('').describe('Reference number of the permission'),
  returnNotifiedOn: z.iso.date().nullable().default(null).describe('Date the return notification was sent'),
});
export type CrossStraitSteps = z.infer<typeof crossStraitSteps>;

/** Steps with nothing recorded yet. */
export const NO_CROSS_STRAIT_STEPS: CrossStraitSteps = { permissionRequestedOn: null, permissionGrantedOn: null, permissionReference: '', returnNotifiedOn: null };

/** True when any destination is mainland China, Hong Kong or Macau. */
export function isCrossStrait(destinations: readonly { countryCode: string | null }[]): boolean {
  return destinations.some((d) => d.countryCode !== null && countryByCode(d.countryCode)?.crossStrait === true);
}
