import { useEffect, useId, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { perDiemCheckAnswer } from '#app/server/per-diem/per-diem-payloads.ts';
import { staffJson } from '#app/web/back-office/api/staff-api.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useErrorText } from '#app/web/back-office/layout/staff-load-state.tsx';
import { describedBy, FormField } from '#app/web/back-office/trips/form-field.tsx';
import { isoOfTyped, type TripDraft } from '#app/web/back-office/trips/trip-draft.ts';
import { formatTwd } from '#app/web/format/display-names.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

type Answer = z.infer<typeof perDiemCheckAnswer>;

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The per-diem check request for a plan: one night per day in the first place, the last day the
 * return day, every member (or the stated headcount) on the same itinerary, no claims: the answer's
 * allowance is the limit the per-diem estimate is compared with.
 */
export function perDiemRequest(draft: TripDraft, twdPerUsd: number): object | null {
  const start = isoOfTyped(draft.start);
  const end = isoOfTyped(draft.end);
  const place = draft.destinations[0];
  const code = place?.countryCode.trim().toUpperCase() ?? '';
  if (!start || !end || end < start || !/^[A-Z]{2}$/.test(code) || !(twdPerUsd > 0)) return null;
  const city = place?.cities.split(/[、,，]/)[0]?.trim() ?? '';
  const days = [];
  for (let d = start, i = 0; d <= end && i < 366; d = addDays(d, 1), i++) days.push({ date: d, countryCode: code, city, night: d === end ? 'home' : 'hotel' });
  const named = draft.members.map((m) => m.name.trim()).filter(Boolean);
  const count = Math.max(named.length, Number(draft.headcount) || 0, 1);
  const members = Array.from({ length: Math.min(count, 500) }, (_, i) => ({ name: named[i] ?? `#${i + 1}`, claims: [] }));
  return { exchangeRate: { twdPerUsd, date: addDays(start, -1) }, days, members };
}

/** Calls the per-diem checker as the plan is typed and compares its limit with the per-diem estimate. */
export function PerDiemCheck({ draft, disabled }: { draft: TripDraft; disabled: boolean }) {
  const bt = useBackOfficeText();
  const { lang } = useLanguage();
  const errorText = useErrorText();
  const id = useId();
  const [rate, setRate] = useState('32');
  const [result, setResult] = useState<{ kind: 'idle' } | { kind: 'checking' } | { kind: 'ok'; answer: Answer } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const request = useMemo(() => perDiemRequest(draft, Number(rate)), [draft, rate]);
  const body = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (!body) {
      setResult({ kind: 'idle' });
      return;
    }
    const controller = new AbortController();
    // Wait for a pause in typing, so each keystroke does not cost a request.
    const timer = setTimeout(() => {
      setResult({ kind: 'checking' });
      staffJson<Answer>('POST', '/api/v1/per-diem/check', { body: JSON.parse(body) as unknown, signal: controller.signal }).then(
        (answer) => setResult({ kind: 'ok', answer }),
        (e: unknown) => {
          if (!controller.signal.aborted) setResult({ kind: 'error', message: errorText(e) });
        },
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // errorText changes with the language only; a new language need not re-check.
  }, [body]);

  const claimed = Number(draft.estimateBreakdown.perDiem.replace(/[,，\s]/g, '')) || 0;
  let text = bt('perDiemWaiting');
  let over = false;
  if (result.kind === 'checking') text = bt('perDiemChecking');
  if (result.kind === 'error') text = bt('perDiemUnavailable', { message: result.message });
  if (result.kind === 'ok') {
    const allowed = result.answer.members.reduce((s, m) => s + m.allowedTwd, 0);
    over = claimed > allowed;
    text = `${bt('perDiemResult', { table: result.answer.rateTable.name, people: result.answer.members.length, allowed: formatTwd(lang, allowed), claimed: formatTwd(lang, claimed) })} ${over ? bt('perDiemOver', { over: formatTwd(lang, claimed - allowed) }) : bt('perDiemWithin')}`;
  }
  return (
    <fieldset className="form-section" disabled={disabled}>
      <legend>{bt('sectionPerDiem')}</legend>
      <FormField id={`${id}-rate`} label={bt('fieldExchangeRate')} hint={bt('exchangeRateHint')}>
        <input id={`${id}-rate`} type="text" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} aria-describedby={describedBy(`${id}-rate`, true, undefined)} maxLength={10} />
      </FormField>
      <p role="status" className={`per-diem-result${over ? ' per-diem-over' : ''}`} data-state={result.kind}>
        {text}
      </p>
    </fieldset>
  );
}
