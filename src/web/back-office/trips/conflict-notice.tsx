import { ScrollRegion } from '#app/web/back-office/layout/scroll-region.tsx';
import { useEffect, useId, useRef } from 'react';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import type { BackOfficeKey } from '#app/web/back-office/i18n/back-office-messages.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';

const FIELD_LABELS: Record<string, BackOfficeKey> = {
  title: 'fieldTitle',
  purpose: 'fieldPurpose',
  category: 'fieldCategory',
  organisingAgency: 'fieldAgency',
  invitingBody: 'fieldInvitingBody',
  expectedBenefits: 'fieldExpectedBenefits',
  start: 'fieldStart',
  end: 'fieldEnd',
  destinations: 'sectionDestinations',
  members: 'sectionDelegation',
  headcount: 'fieldHeadcount',
  budget: 'sectionBudget',
  topics: 'fieldTopics',
  outcomes: 'fieldOutcomes',
  notes: 'fieldNotes',
};

/** A field's value in a line of text: names of places and people, amounts, the text itself. */
export function summarise(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value || '—';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(summarise).join('、') || '—';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('text' in o) return summarise(o.text);
    if ('country' in o) return `${summarise(o.country)}${Array.isArray(o.cities) && o.cities.length ? `（${(o.cities as string[]).join('、')}）` : ''}`;
    if ('name' in o) return [o.name, o.title].filter(Boolean).join(' ');
    if ('estimate' in o) return summarise(o.estimate);
    return Object.values(o)
      .filter((v) => v !== null && typeof v !== 'object')
      .map(String)
      .join(' ');
  }
  return String(value);
}

/** 「此出國案已被他人修改」: which fields someone else changed, theirs beside mine, and the two ways out. */
// Also used for outcome records and follow-ups (`title`, `labels`: their own heading and field names).
export function ConflictNotice({
  current,
  fields,
  mine,
  onUseTheirs,
  onKeepMine,
  title = 'conflictTitle',
  labels = FIELD_LABELS,
  headingLevel = 2,
}: {
  current: Trip | { version: number };
  fields: string[];
  mine: Record<string, unknown>;
  onUseTheirs(): void;
  onKeepMine(): void;
  title?: BackOfficeKey;
  labels?: Record<string, BackOfficeKey>;
  headingLevel?: 2 | 3 | 4;
}) {
  const bt = useBackOfficeText();
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = `conflict-title${useId().replace(/[^\w-]/g, '')}`;
  useEffect(() => heading.current?.focus(), []);
  const stored = current as unknown as Record<string, unknown>;
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <section className="conflict panel" role="alert" aria-labelledby={titleId}>
      <Heading id={titleId} ref={heading} tabIndex={-1}>
        {bt(title)}
      </Heading>
      <p>{bt('conflictIntro', { who: bt('conflictSomeone'), version: current.version })}</p>
      <ScrollRegion label={bt(title)}>
        <table className="data-table compact conflict-table">
          <caption className="visually-hidden">{bt(title)}</caption>
          <thead>
            <tr>
              <th scope="col">{bt('conflictField')}</th>
              <th scope="col">{bt('conflictTheirs')}</th>
              <th scope="col">{bt('conflictMine')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f} data-field={f}>
                <th scope="row">{labels[f] ? bt(labels[f]) : f}</th>
                <td>{summarise(stored[f])}</td>
                <td>{summarise(mine[f])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="form-actions">
        <button type="button" onClick={onUseTheirs}>
          {bt('conflictUseTheirs')}
        </button>
        <button type="button" className="primary" onClick={onKeepMine}>
          {bt('conflictKeepMine')}
        </button>
      </div>
    </section>
  );
}
