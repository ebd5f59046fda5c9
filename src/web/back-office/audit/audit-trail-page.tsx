import { useState } from 'react';
import { staffJson } from '#app/web/back-office/api/staff-api.ts';
import { useStaffApi } from '#app/web/back-office/api/use-staff-api.ts';
import { AuditEntriesTable, type AuditEntry } from '#app/web/back-office/audit/audit-entries-table.tsx';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useStaffPageTitle } from '#app/web/back-office/layout/back-office-layout.tsx';
import { StaffLoadState, useErrorText } from '#app/web/back-office/layout/staff-load-state.tsx';

const PAGE = 100;

interface Verification {
  intact: boolean;
  entries: number;
  problems: { seq: number; kind: string; message: string }[];
}

/** The whole audit trail, oldest first a page at a time, and the hash-chain check. */
export default function AuditTrailPage() {
  const bt = useBackOfficeText();
  const errorText = useErrorText();
  const [after, setAfter] = useState(0);
  const state = useStaffApi<{ items: AuditEntry[] }>(`/api/v1/audit?afterSeq=${after}&limit=${PAGE}`);
  const [verification, setVerification] = useState<Verification | string | null>(null);
  useStaffPageTitle(bt('auditTitle'));
  return (
    <>
      <h1>{bt('auditTitle')}</h1>
      <p className="lead">{bt('auditIntro')}</p>
      <div className="form-actions">
        <button type="button" onClick={() => staffJson<Verification>('GET', '/api/v1/audit/verify').then(setVerification, (e: unknown) => setVerification(errorText(e)))}>
          {bt('auditVerify')}
        </button>
      </div>
      <div role="status">
        {typeof verification === 'string' && <p className="form-error">{verification}</p>}
        {verification && typeof verification === 'object' && (
          <>
            <p className={verification.intact ? 'form-ok' : 'form-error'}>{verification.intact ? bt('auditIntact', { n: verification.entries }) : bt('auditBroken', { n: verification.problems.length })}</p>
            {!verification.intact && (
              <ul>
                {verification.problems.map((p) => (
                  <li key={`${p.seq}-${p.kind}`}>
                    #{p.seq} {p.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <StaffLoadState state={state} reload={state.reload}>
        {(data) => (
          <>
            {data.items.length === 0 ? <p>{bt('auditNone')}</p> : <AuditEntriesTable entries={data.items} caption={bt('auditTitle')} />}
            <nav className="form-actions" aria-label={bt('auditTitle')}>
              {after > 0 && (
                <button type="button" onClick={() => setAfter(0)}>
                  {bt('auditFirst')}
                </button>
              )}
              {data.items.length === PAGE && (
                <button type="button" onClick={() => setAfter(data.items[data.items.length - 1]!.seq)}>
                  {bt('auditNext', { seq: data.items[data.items.length - 1]!.seq })}
                </button>
              )}
            </nav>
          </>
        )}
      </StaffLoadState>
    </>
  );
}
