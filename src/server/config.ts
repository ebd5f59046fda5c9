import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('./data/ledger.db'),
  ADMIN_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters so it cannot be guessed')
    .optional()
    .describe('Bearer token that authorises writes until user accounts exist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ATTACHMENTS_DIR: z.string().min(1).default('./data/attachments').describe('Folder where attached files are kept, outside the database'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600).describe('Requests per client address per minute; 0 turns the limit off'),
  PUBLIC_CACHE_MB: z.coerce
    .number()
    .int()
    .min(0)
    .max(4096)
    .default(32)
    .describe('Memory for anonymous answers kept until the next write to the ledger (MB); 0 keeps none'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1')
    .describe('Behind a reverse proxy: trust X-Forwarded-For/-Proto for client address and TLS'),
  SEED_ON_EMPTY: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
});

/** Settings of a running server, read once from the environment at start-up. */
export type Config = z.infer<typeof envSchema>;

/** Raised at start-up when an environment variable has a value the server cannot use. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment once; the error names each bad variable and why. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const result = envSchema.safeParse(relevant);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}=${JSON.stringify(relevant[String(i.path[0])])}: ${i.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}
