import type { Dialect } from 'kysely';

/** Everything that differs between SQLite and PostgreSQL lives behind this interface. */
export interface DialectAdapter {
  kind: 'sqlite' | 'postgres';
  /** Where the data lives, safe to log (no password). */
  location: string;
  dialect: Dialect;
  /** SQLite's LIKE is already case-insensitive for ASCII; PostgreSQL needs ILIKE. */
  caseInsensitiveLike: 'like' | 'ilike';
}

/** True when `target` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}
