// One entry of the audit trail and the hash chain that makes edits and deletions detectable.
// Hashing itself is passed in (SHA-256 in the store), so this file stays free of Node APIs.

/** What an audit entry records: who did what to which record, with the record before and after. */
export interface AuditEntryContent {
  at: string;
  actorId: string;
  actorName: string;
  entityType: 'trip' | 'budget' | 'rate-table' | 'user' | 'setting' | 'api-token';
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string;
}

/** A stored entry: its place in the chain and the hashes linking it to the previous one. */
export interface AuditEntry extends AuditEntryContent {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so equal values always hash the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The text an entry's hash covers: its sequence number, the previous hash and every field. */
export function chainedText(seq: number, prevHash: string, content: AuditEntryContent): string {
  return canonicalJson({ seq, prevHash, ...content });
}

/** One problem found in the chain. */
export interface ChainProblem {
  seq: number;
  kind: 'edited' | 'deleted' | 'broken-link' | 'tail-missing';
  message: string;
}

/**
 * Walks the entries in order and reports every entry whose hash does not match its content,
 * every gap in the sequence, every broken link, and a log that ends before the recorded head.
 */
export function verifyChain(entries: readonly AuditEntry[], head: { seq: number; hash: string }, hash: (text: string) => string): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      problems.push({ seq: expectedSeq, kind: 'deleted', message: `entries ${expectedSeq}–${entry.seq - 1} are missing` });
    }
    if (entry.prevHash !== prevHash) {
      problems.push({ seq: entry.seq, kind: 'broken-link', message: `entry ${entry.seq} does not link to the entry before it` });
    }
    const { seq, prevHash: storedPrev, hash: storedHash, ...content } = entry;
    if (hash(chainedText(seq, storedPrev, content)) !== storedHash) {
      problems.push({ seq: entry.seq, kind: 'edited', message: `entry ${entry.seq} was changed after it was written` });
    }
    prevHash = storedHash;
    expectedSeq = entry.seq + 1;
  }
  if (head.seq !== expectedSeq - 1 || (head.seq > 0 && head.hash !== prevHash)) {
    problems.push({ seq: head.seq, kind: 'tail-missing', message: `the log ends at entry ${expectedSeq - 1} but the head records entry ${head.seq}` });
  }
  return problems;
}

/** Names of the top-level fields whose values differ between two versions of a record. */
export function changedKeys(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k])).sort();
}
