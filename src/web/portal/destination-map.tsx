import { worldMap } from 'virtual:world-map';
import type { PortalOverview } from '#app/server/portal/portal-payloads.ts';
import { countryName } from '#app/web/format/display-names.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';
import { countKey } from '#app/web/i18n/messages.ts';

/** The world map with the visited countries filled in; small countries get a ringed dot. Loaded as its own chunk. */
export default function DestinationMap({ countries }: { countries: PortalOverview['countries'] }) {
  const { lang, t } = useLanguage();
  const visits = new Map(countries.filter((c) => c.code).map((c) => [c.code as string, c]));
  const label = (code: string) => {
    const c = visits.get(code)!;
    return `${countryName(lang, c)}: ${t(countKey('countryTrips', c.trips), { n: c.trips })}`;
  };
  const names = countries.map((c) => countryName(lang, c)).join(lang === 'zh-TW' ? '、' : ', ');
  return (
    <svg viewBox={`0 0 ${worldMap.width} ${worldMap.height}`} role="img" aria-label={t('mapAlt', { countries: names })} className="world-map">
      {worldMap.shapes.map((s, i) => {
        const visited = s.code !== null && visits.has(s.code);
        return (
          <path key={s.code ?? `x${i}`} d={s.d} className={visited ? 'country visited' : 'country'} data-code={s.code ?? undefined}>
            {visited && <title>{label(s.code!)}</title>}
          </path>
        );
      })}
      {worldMap.points
        .filter((p) => visits.has(p.code))
        .map((p) => (
          <g key={p.code} className="visited-point" data-code={p.code}>
            <circle cx={p.x} cy={p.y} r={7} className="visited-point-ring" />
            <circle cx={p.x} cy={p.y} r={3.5} className="visited-point-dot">
              <title>{label(p.code)}</title>
            </circle>
          </g>
        ))}
    </svg>
  );
}
