import { Option } from 'commander';

/** The `--db` option every command that touches stored data takes. */
export function dbOption(): Option {
  return new Option('--db <path|url>', 'SQLite file or postgres:// URL (default: DATABASE_URL or ./data/ledger.db)');
}

/** The database a command uses: `--db`, else DATABASE_URL, else ./data/ledger.db. */
export function resolveDbTarget(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : './data/ledger.db');
}
