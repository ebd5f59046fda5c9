import { AuditEntriesTable, type AuditEntry } from '#app/web/back-office/audit/audit-entries-table.tsx';
import { useStaffApi } from '#app/web/back-office/api/use-staff-api.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { StaffLoadState } from '#app/web/back-office/layout/staff-load-state.tsx';

/** The audit entries of one trip; `version` re-reads them after each change. */
export function TripAudit({ tripId, version }: { tripId: string; version: number }) {
  const bt = useBackOfficeText();
  const state = useStaffApi<{ items: AuditEntry[] }>(`/api/v1/audit?entityType=trip&entityId=${encodeURIComponent(tripId)}&limit=500&v=${version}`);
  return (
    <section className="panel" aria-labelledby="trip-audit">
      <h2 id="trip-audit">{bt('tripAuditTitle')}</h2>
      <StaffLoadState state={state} reload={state.reload}>
        {(data) => (data.items.length === 0 ? <p>{bt('auditNone')}</p> : <AuditEntriesTable entries={data.items} caption={bt('tripAuditTitle')} showEntity={false} />)}
      </StaffLoadState>
    </section>
  );
}
