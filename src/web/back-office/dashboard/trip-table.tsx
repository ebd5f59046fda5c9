import { ScrollRegion } from '#app/web/back-office/layout/scroll-region.tsx';
import { Link } from 'react-router';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { STATE_KEYS } from '#app/web/i18n/messages.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { formatTwd } from '#app/web/format/display-names.ts';
import { RocDateRange } from '#app/web/format/roc-date-view.tsx';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

/** Trips as a table whose titles open the trip in the back office. */
export function TripTable({ trips, caption }: { trips: Trip[]; caption: string }) {
  const bt = useBackOfficeText();
  const { lang } = useLanguage();
  return (
    <ScrollRegion label={caption}>
      <table className="data-table staff-trips">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{bt('colTitle')}</th>
            <th scope="col">{bt('colDates')}</th>
            <th scope="col">{bt('colAgency')}</th>
            <th scope="col">{bt('colState')}</th>
            <th scope="col" className="num">
              {bt('colEstimate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {trips.map((t) => (
            <tr key={t.id}>
              <th scope="row">
                <Link to={`/admin/trips/${t.id}`}>{t.title}</Link>
              </th>
              <td className="nowrap">
                <RocDateRange start={t.start} end={t.end} />
              </td>
              <td>{t.organisingAgency || bt('noAgency')}</td>
              <td>
                <span className={`state state-${t.lifecycleState}`}>{bt(STATE_KEYS[t.lifecycleState])}</span>
              </td>
              <td className="num">{t.budget.estimate === null ? '—' : formatTwd(lang, t.budget.estimate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
