import pg from 'pg';
import { PostgresDialect } from 'kysely';
import type { DialectAdapter } from '#app/store/dialect/dialect-adapter.ts';

// BIGINT (20) and NUMERIC (1700, what SUM over BIGINT returns) arrive as strings by default;
// every amount here is a whole number of TWD far below 2^53, so numbers are safe.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Connects to PostgreSQL through a pooled `pg` client. */
export function postgresAdapter(url: string, poolSize = 10): DialectAdapter {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client whose server connection ends (a database restart, an administrator's terminate)
  // is reported here; the pool drops it and opens a new one on demand. Without a listener the
  // event would crash the process.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    location: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    dialect: new PostgresDialect({ pool }),
    caseInsensitiveLike: 'ilike',
  };
}
