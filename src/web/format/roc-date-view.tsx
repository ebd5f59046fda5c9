import { rocDate, rocRangeEnd } from '#app/web/format/roc-date.ts';

/** An ROC date whose ISO form is machine-readable and shown on hover. */
export function RocDate({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso}>
      {rocDate(iso)}
    </time>
  );
}

/** A trip's dates as an ROC range (107/4/10–4/12), each end with its ISO date on hover. */
export function RocDateRange({ start, end }: { start: string; end: string }) {
  if (start === end) return <RocDate iso={start} />;
  return (
    <>
      <RocDate iso={start} />
      {'–'}
      <time dateTime={end} title={end}>
        {rocRangeEnd(start, end)}
      </time>
    </>
  );
}
