/** The database a command uses: `--db`, else DATABASE_URL, else ./data/ledger.db. */
export function resolveDbTarget(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : './data/ledger.db');
}
