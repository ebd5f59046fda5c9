import type { AuditEntryContent } from '#app/domain/audit/audit-entry.ts';
import type { Principal } from '#app/server/auth/principal.ts';

/** The audit entry of a change made by `principal`, stamped now. */
export function auditChange(
  principal: Principal | null,
  entityType: AuditEntryContent['entityType'],
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
  reason = '',
): AuditEntryContent {
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
