import { changedKeys, type AuditEntryContent } from '#app/domain/audit/audit-entry.ts';
import type { Principal } from '#app/server/auth/principal.ts';

function only(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const record = value as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, record[k] ?? null]));
}

/** The audit entry of a change made by `principal`, stamped now; an update keeps only the fields that changed. */
export function auditChange(
  principal: Principal | null,
  entityType: AuditEntryContent['entityType'],
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
  reason = '',
): AuditEntryContent {
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const keys = changedKeys(before, after);
    before = only(before, keys);
    after = only(after, keys);
  }
  return {
    at: new Date().toISOString(),
    actorId: principal?.userId ?? 'anonymous',
    actorName: principal?.displayName ?? 'anonymous',
    entityType,
    entityId,
    action,
    before: before ?? null,
    after: after ?? null,
    reason,
  };
}
