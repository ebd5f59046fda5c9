import { z } from 'zod';
import { trip, type Trip, type TripInput } from '#app/domain/trips/trip-schema.ts';
import { DocumentRejectedError } from '#app/import/import-document.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';

/** The ledger as `mission-ledger export --format json` and the open-data JSON write it. */
export const ledgerExport = z.object({ format: z.literal('mission-ledger/1'), trips: z.array(trip) });

/** Whether a text is a ledger export rather than a report (it is JSON with the export's format tag). */
export function isLedgerExport(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"mission-ledger\/1"/.test(text);
}

function inputOf(stored: Trip): TripInput {
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, lifecycleState: _s, crossStrait: _x, ...input } = stored;
  return input;
}

/**
 * Stores the trips of a ledger export with their ids, states, versions and timestamps, so an
 * export imported into another database gives back the same trips. A trip whose id is already
 * stored is left as it is; the whole file is refused, storing nothing, when any trip is invalid.
 */
export async function importLedgerJson(store: Store, text: string, name: string): Promise<{ created: number; unchanged: number }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DocumentRejectedError('no-trip-table', `${name} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ledgerExport.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DocumentRejectedError('no-trip-table', `${name} is not a Mission Ledger export: ${first ? `${first.path.join('.')}: ${first.message}` : 'unknown shape'}`);
  }
  let created = 0;
  let unchanged = 0;
  await store.db.transaction().execute(async (trx) => {
    const repo = new TripRepository(trx);
    for (const t of parsed.data.trips) {
      if (await repo.get(t.id)) {
        unchanged += 1;
        continue;
      }
      await repo.insert(inputOf(t), { state: t.lifecycleState, restore: { id: t.id, createdAt: t.createdAt, updatedAt: t.updatedAt, version: t.version } });
      created += 1;
    }
  });
  return { created, unchanged };
}
