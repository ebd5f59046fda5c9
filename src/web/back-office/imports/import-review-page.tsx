import { useId, useState, type ChangeEvent } from 'react';
import type { z } from 'zod';
import type { parsedDocument } from '#app/domain/import/parsed-document.ts';
import { staffJson } from '#app/web/back-office/api/staff-api.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useStaffPageTitle } from '#app/web/back-office/layout/back-office-layout.tsx';
import { useErrorText } from '#app/web/back-office/layout/staff-load-state.tsx';
import { describedBy, FormField } from '#app/web/back-office/trips/form-field.tsx';
import { formatTwd } from '#app/web/format/display-names.ts';
import { RocDateRange } from '#app/web/format/roc-date-view.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

type Parsed = z.infer<typeof parsedDocument>;
type Warning = Parsed['warnings'][number];

interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  conflicts: { tripId: string; line: number; title: string; field: string }[];
  unstorable: { line: number; title: string; reason: string }[];
}

/** The source lines of a trip, numbered as the warnings number them. */
function SourceLines({ lines, text }: { lines: number[]; text: string[] }) {
  const bt = useBackOfficeText();
  return (
    <ol className="source-lines">
      {lines.map((n) => (
        <li key={n} value={n}>
          <span className="visually-hidden">{bt('importLine', { n })}：</span>
          <code>{text[n - 1] ?? ''}</code>
        </li>
      ))}
    </ol>
  );
}

function WarningList({ warnings }: { warnings: Warning[] }) {
  const bt = useBackOfficeText();
  if (warnings.length === 0) return <p className="muted small">{bt('importNoWarnings')}</p>;
  return (
    <ul className="import-warnings">
      {warnings.map((w, i) => (
        <li key={`${w.line}-${w.code}-${i}`}>
          <strong>{bt('importLine', { n: w.line })}</strong> {w.message}
          {w.assumed && <span className="muted"> {bt('importAssumed', { assumed: w.assumed })}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Upload a report, see each parsed trip beside its source lines and warnings, correct the text, then import. */
export default function ImportReviewPage() {
  const bt = useBackOfficeText();
  const { lang } = useLanguage();
  const errorText = useErrorText();
  const id = useId();
  const [name, setName] = useState('upload.txt');
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useStaffPageTitle(bt('importTitle'));

  const parse = (body: string, fileName: string) => {
    setBusy(true);
    setError(null);
    setSummary(null);
    staffJson<Parsed>('POST', `/api/v1/imports/parse?name=${encodeURIComponent(fileName)}`, { body, contentType: 'text/plain; charset=utf-8' }).then(
      (p) => {
        setBusy(false);
        setParsed(p);
      },
      (e: unknown) => {
        setBusy(false);
        setParsed(null);
        setError(errorText(e));
      },
    );
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setName(file.name);
    void file.text().then((content) => {
      setText(content);
      parse(content, file.name);
    });
  };

  const store = () => {
    setBusy(true);
    setError(null);
    staffJson<ImportSummary>('POST', `/api/v1/imports?name=${encodeURIComponent(name)}`, { body: text, contentType: 'text/plain; charset=utf-8' }).then(
      (s) => {
        setBusy(false);
        setSummary(s);
      },
      (e: unknown) => {
        setBusy(false);
        setError(errorText(e));
      },
    );
  };

  const sourceText = text.split(/\r?\n/);
  const linesOf = (lines: number[]) => new Set(lines);
  return (
    <>
      <h1>{bt('importTitle')}</h1>
      <p className="lead">{bt('importIntro')}</p>
      <section className="panel staff-form" aria-labelledby={`${id}-upload`}>
        <h2 id={`${id}-upload`} className="visually-hidden">
          {bt('importFile')}
        </h2>
        <FormField id={`${id}-file`} label={bt('importFile')} hint={bt('importFileHint')}>
          <input id={`${id}-file`} type="file" accept=".txt,.md,.html,.htm,.tsv,text/plain,text/html" onChange={onFile} aria-describedby={describedBy(`${id}-file`, true, undefined)} />
        </FormField>
        {text && (
          <>
            <FormField id={`${id}-text`} label={bt('importText')} wide>
              <textarea id={`${id}-text`} className="source-text" value={text} rows={10} onChange={(e) => setText(e.target.value)} spellCheck={false} />
            </FormField>
            <div className="form-actions">
              <button type="button" disabled={busy} onClick={() => parse(text, name)}>
                {parsed ? bt('importParseAgain') : bt('importParse')}
              </button>
              {parsed && parsed.trips.length > 0 && (
                <button type="button" className="primary" disabled={busy} onClick={store}>
                  {bt('importStore', { n: parsed.trips.length })}
                </button>
              )}
            </div>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div role="status">
          {summary && (
            <div className="form-ok import-summary">
              <p>{bt('importDone', { created: summary.created, updated: summary.updated, unchanged: summary.unchanged })}</p>
              {summary.conflicts.length > 0 && (
                <>
                  <p>{bt('importConflicts', { n: summary.conflicts.length })}</p>
                  <ul>
                    {summary.conflicts.map((c) => (
                      <li key={`${c.tripId}-${c.field}`}>
                        {bt('importLine', { n: c.line })} {c.title}：{c.field}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {summary.unstorable.length > 0 && (
                <>
                  <p>{bt('importUnstorable', { n: summary.unstorable.length })}</p>
                  <ul>
                    {summary.unstorable.map((u) => (
                      <li key={u.line}>
                        {bt('importLine', { n: u.line })} {u.title}：{u.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </div>
      </section>

      {parsed && (
        <section aria-labelledby={`${id}-result`}>
          <h2 id={`${id}-result`}>{bt('importParsedSide')}</h2>
          <p role="status">{bt('importParsed', { trips: parsed.trips.length, warnings: parsed.warnings.length, findings: parsed.findings.length, format: parsed.format })}</p>
          {parsed.warnings.some((w) => w.line === 0) && (
            <div className="panel">
              <h3>{bt('importDocumentWarnings')}</h3>
              <WarningList warnings={parsed.warnings.filter((w) => w.line === 0)} />
            </div>
          )}
          <ol className="import-trips">
            {parsed.trips.map((trip, i) => {
              const own = linesOf(trip.source.lines);
              const warnings = [...parsed.warnings, ...parsed.findings].filter((w) => own.has(w.line));
              return (
                <li key={`${trip.source.line}-${i}`} className="import-trip panel">
                  <h3>
                    {bt('importTripN', { n: i + 1, line: trip.source.line })}：{trip.title}
                  </h3>
                  <div className="side-by-side">
                    <div>
                      <h4>{bt('importParsedSide')}</h4>
                      <dl className="compact-dl">
                        <dt>{bt('colDates')}</dt>
                        <dd>{trip.start && trip.end ? <RocDateRange start={trip.start} end={trip.end} /> : '—'}</dd>
                        <dt>{bt('importPlaces')}</dt>
                        <dd>{trip.destinations.map((d) => `${d.country}${d.cities.length ? `（${d.cities.join('、')}）` : ''}`).join('、') || '—'}</dd>
                        <dt>{bt('importMembers')}</dt>
                        <dd>
                          {trip.members.map((m) => [m.title, m.name].filter(Boolean).join(' ')).join('、') || '—'}
                          {trip.headcount ? `（${trip.headcount}）` : ''}
                        </dd>
                        <dt>{bt('importBudget')}</dt>
                        <dd>{trip.budget.amount === null ? '—' : formatTwd(lang, trip.budget.amount)}</dd>
                        <dt>{bt('importOutcomes')}</dt>
                        <dd>{trip.outcomes.length}</dd>
                      </dl>
                    </div>
                    <div>
                      <h4>{bt('importSourceSide')}</h4>
                      <SourceLines lines={trip.source.lines} text={sourceText} />
                    </div>
                    <div>
                      <h4>{bt('importWarnings')}</h4>
                      <WarningList warnings={warnings} />
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </>
  );
}
