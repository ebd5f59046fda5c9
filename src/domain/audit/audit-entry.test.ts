import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainedText, GENESIS_HASH, verifyChain, type AuditEntry, type AuditEntryContent } from '#app/domain/audit/audit-entry.ts';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: AuditEntryContent = { at: `2024-01-0${seq}T00:00:00.000Z`, actorId: 'u1', actorName: '王小明', entityType: 'trip', entityId: 't1', action: 'update', before: { a: seq }, after: { a: seq + 1 }, reason: '' };
    const hash = sha(chainedText(seq, prev, content));
    out.push({ ...content, seq, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('sorts keys so equal values serialise the same', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('accepts an intact chain', () => {
    const entries = chain(4);
    expect(verifyChain(entries, { seq: 4, hash: entries[3]!.hash }, sha)).toEqual([]);
  });

  it('detects an edited, a deleted and a truncated entry', () => {
    const entries = chain(4);
    const head = { seq: 4, hash: entries[3]!.hash };
    const edited = entries.map((e) => (e.seq === 2 ? { ...e, after: { a: 99 } } : e));
    expect(verifyChain(edited, head, sha).map((p) => p.kind)).toEqual(['edited']);
    const deleted = entries.filter((e) => e.seq !== 3);
    expect(verifyChain(deleted, head, sha).map((p) => p.kind)).toEqual(['deleted', 'broken-link']);
    expect(verifyChain(entries.slice(0, 3), head, sha).map((p) => p.kind)).toEqual(['tail-missing']);
  });
});
