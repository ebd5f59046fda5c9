import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { SqliteDialect, type SqliteDatabase } from 'kysely';
import type { DialectAdapter } from '#app/store/dialect/dialect-adapter.ts';

/** Opens (creating if needed) a SQLite file in WAL mode with foreign keys enforced. */
export function sqliteAdapter(path: string): DialectAdapter {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers run beside the single writer; NORMAL sync is durable across process
  // crashes in WAL mode (only an OS crash can lose the last commits).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Page cache of 32 MiB (the default is 2 MiB): at 100,000 trips a search over many matches
  // reads thousands of index rows, and re-reading them from the OS costs 2-3×. 64 MiB was no
  // faster once searches read the title tier and counted from the index, and cost 20 MB of
  // resident memory (docs/benchmarks.md). Not mmap: mapped pages count in the server's resident
  // memory and a large ledger would pass 300 MB.
  sqlite.pragma('cache_size = -32768');
  sqlite.pragma('temp_store = MEMORY');
  // Query-planner statistics for tables and indexes that lack them or changed much (SQLite's
  // advice for long-lived connections). Without them a search over many matches reads whole
  // document rows instead of the covering index (migration 0009). Not bounded by analysis_limit:
  // sampled statistics (1,000 rows) made the planner sort every visible trip for a `-cost` page
  // (245 ms instead of 0.6 ms at 100,000 trips); a full ANALYZE there takes ≈0.4 s, once.
  sqlite.pragma('optimize = 0x10002');
  return {
    kind: 'sqlite',
    location: path,
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    caseInsensitiveLike: 'like',
  };
}

const STATEMENT_CACHE_SIZE = 256;
const MAX_CACHED_PARAMETERS = 100;

function parameterCount(sql: string): number {
  let n = 0;
  for (let i = sql.indexOf('?'); i !== -1; i = sql.indexOf('?', i + 1)) n += 1;
  return n;
}

/**
 * The database as Kysely sees it, with prepared statements reused by their SQL text. Kysely
 * prepares every query afresh; on a list page (four small queries) preparing was a tenth of the
 * request. A statement still being iterated (`busy`) is never handed out twice; SQLite recompiles
 * a kept statement by itself after a schema change.
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      const kept = statements.get(sql);
      if (kept && !kept.busy) return kept;
      const statement = sqlite.prepare(sql);
      // Not kept: statements binding long id lists (pages of a streamed ledger) weigh tens of KB
      // each, and their preparation is small beside the work they do.
      if (!kept && parameterCount(sql) <= MAX_CACHED_PARAMETERS) {
        if (statements.size >= size) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
