import { useEffect, useId, useState, type FormEvent } from 'react';
import { staffFetch } from '#app/web/back-office/api/staff-api.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useStaffPageTitle } from '#app/web/back-office/layout/back-office-layout.tsx';
import { useErrorText } from '#app/web/back-office/layout/staff-load-state.tsx';
import { RocDateField } from '#app/web/back-office/trips/roc-date-field.tsx';
import { isoOfTyped } from '#app/web/back-office/trips/trip-draft.ts';
import { describedBy, FormField } from '#app/web/back-office/trips/form-field.tsx';

const FORMATS = ['docx', 'odt', 'pdf', 'html'] as const;
const DATA_FORMATS = ['xlsx', 'ods', 'csv', 'json'] as const;

/** The file name the server gave in Content-Disposition. */
function fileNameOf(res: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}

/** One button for the council report; links for the open-data exports. */
export default function ReportsPage() {
  const bt = useBackOfficeText();
  const errorText = useErrorText();
  const id = useId();
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('docx');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ url: string; name: string } | { error: string; issues: Map<string, string[]> } | null>(null);
  useStaffPageTitle(bt('reportsTitle'));
  useEffect(() => () => {
    if (result && 'url' in result) URL.revokeObjectURL(result.url);
  }, [result]);

  const generate = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    const body: Record<string, string> = { format };
    if (from.trim()) body.from = isoOfTyped(from) ?? from;
    if (to.trim()) body.to = isoOfTyped(to) ?? to;
    staffFetch('POST', '/api/v1/reports/council', { body }).then(
      async (res) => {
        const name = fileNameOf(res, `council-report.${format}`);
        const url = URL.createObjectURL(await res.blob());
        setBusy(false);
        setResult({ url, name });
        const a = document.createElement('a');
        a.href = url;
        a.download = name;
        a.click();
      },
      (e: unknown) => {
        setBusy(false);
        const issues = new Map<string, string[]>();
        const list = (e as { issues?: { field: string; message: string }[] }).issues ?? [];
        for (const i of list) issues.set(i.field.replace(/^body\./, ''), [...(issues.get(i.field.replace(/^body\./, '')) ?? []), i.message]);
        setResult({ error: bt('councilFailed', { message: errorText(e) }), issues });
      },
    );
  };

  const issues = result && 'issues' in result ? result.issues : new Map<string, string[]>();
  return (
    <>
      <h1>{bt('reportsTitle')}</h1>
      <section className="panel" aria-labelledby={`${id}-council`}>
        <h2 id={`${id}-council`}>{bt('councilTitle')}</h2>
        <p>{bt('councilIntro')}</p>
        <form className="staff-form" onSubmit={generate}>
          <div className="form-grid">
            <FormField id={`${id}-format`} label={bt('councilFormat')} errors={issues.get('format')}>
              <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as typeof format)} aria-describedby={describedBy(`${id}-format`, false, issues.get('format'))}>
                {FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {f.toUpperCase()}
                  </option>
                ))}
              </select>
            </FormField>
            <RocDateField id={`${id}-from`} label={bt('councilFrom')} value={from} onChange={setFrom} errors={issues.get('from')} />
            <RocDateField id={`${id}-to`} label={bt('councilTo')} value={to} onChange={setTo} errors={issues.get('to')} />
          </div>
          <p className="hint">{bt('councilPeriodHint')}</p>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? bt('councilGenerating') : bt('councilGenerate')}
            </button>
          </div>
          <div role="status">
            {result && 'url' in result && (
              <p className="form-ok">
                {bt('councilReady', { name: result.name })}{' '}
                <a href={result.url} download={result.name}>
                  {bt('councilDownload', { name: result.name })}
                </a>
              </p>
            )}
            {result && 'error' in result && <p className="form-error">{result.error}</p>}
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby={`${id}-exports`}>
        <h2 id={`${id}-exports`}>{bt('exportsTitle')}</h2>
        <p>{bt('exportsIntro')}</p>
        <table className="data-table compact">
          <caption className="visually-hidden">{bt('exportsTitle')}</caption>
          <tbody>
            {(['table', 'ledger'] as const).map((dataset) => (
              <tr key={dataset}>
                <th scope="row">{dataset === 'table' ? bt('exportTable') : bt('exportLedger')}</th>
                {DATA_FORMATS.map((f) => (
                  <td key={f}>
                    <a href={`/api/v1/open-data/${dataset}?format=${f}${f === 'csv' ? '&bom=true' : ''}`} download>
                      {f.toUpperCase()}
                      <span className="visually-hidden"> {dataset === 'table' ? bt('exportTable') : bt('exportLedger')}</span>
                    </a>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
