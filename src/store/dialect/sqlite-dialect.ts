import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
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
  return {
    kind: 'sqlite',
    location: path,
    dialect: new SqliteDialect({ database: sqlite }),
    caseInsensitiveLike: 'like',
  };
}
