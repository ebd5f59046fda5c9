import { ScrollRegion } from '#app/web/back-office/layout/scroll-region.tsx';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

/** One entry of GET /api/v1/audit. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string;
}

// Housekeeping fields change on every write; listing them would hide what the person changed.
const HOUSEKEEPING = new Set(['version', 'updatedAt', 'createdAt']);

/** The top-level fields whose values differ between before and after. */
export function changedKeys(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => !HOUSEKEEPING.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

/** Audit entries as a table: when, who, what record, which step, which fields, why. */
export function AuditEntriesTable({ entries, caption, showEntity = true }: { entries: AuditEntry[]; caption: string; showEntity?: boolean }) {
  const bt = useBackOfficeText();
  const { lang } = useLanguage();
  return (
    <ScrollRegion label={caption}>
      <table className="data-table compact audit-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{bt('colSeq')}</th>
            <th scope="col">{bt('colWhen')}</th>
            <th scope="col">{bt('colWho')}</th>
            {showEntity && <th scope="col">{bt('colEntity')}</th>}
            <th scope="col">{bt('colAction')}</th>
            <th scope="col">{bt('colChanged')}</th>
            <th scope="col">{bt('colReason')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td className="num">{e.seq}</td>
              <td className="nowrap">
                <time dateTime={e.at}>{new Date(e.at).toLocaleString(lang)}</time>
              </td>
              <td>{e.actorName}</td>
              {showEntity && (
                <td>
                  {e.entityType} <code>{e.entityId.slice(0, 8)}</code>
                </td>
              )}
              <td>{e.action}</td>
              <td>{changedKeys(e.before, e.after).join(', ')}</td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
