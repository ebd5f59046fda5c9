/** First line of a backup file. */
export interface BackupHeader {
  format: 'mission-ledger-backup/1';
  createdAt: string;
  source: 'sqlite' | 'postgres';
  /** Migrations applied to the database the backup was taken from, in order. */
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number }[];
}

/** A line that starts the rows of one table. */
export interface BackupTableLine {
  table: string;
  columns: string[];
}

/** A line with one row's values, in the table's column order; binary values are tagged base64. */
export interface BackupRowLine {
  r: unknown[];
}

/** Encodes a value read from either database as JSON-safe data. */
export function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $b64: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Reverses `encodeValue`. */
export function decodeValue(value: unknown): unknown {
  if (value && typeof value === 'object' && '$b64' in value) return Buffer.from(String((value as { $b64: string }).$b64), 'base64');
  return value;
}
