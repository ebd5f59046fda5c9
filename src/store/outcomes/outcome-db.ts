import type { Kysely } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';
import type { OutcomeTables } from '#app/store/outcomes/outcome-tables.ts';

/** The ledger database including the outcome, follow-up, theme, partner and agreement tables. */
export type OutcomeDb = Kysely<Database & OutcomeTables>;

/** The same handle (or transaction), typed with the tables of migration 0003. */
export function outcomeDb(db: Kysely<Database>): OutcomeDb {
  return db.withTables<OutcomeTables>() as unknown as OutcomeDb;
}

/** Parses a JSON TEXT column holding an array; a damaged value reads as empty. */
export function jsonArray<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}
