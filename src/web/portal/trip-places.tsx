import { countryName } from '#app/web/format/display-names.ts';
import { useLanguage } from '#app/web/i18n/language-context.tsx';

/** Countries (and their cities, when given) of a trip on one line. */
export function TripPlaces({ destinations }: { destinations: { code?: string | null; countryCode?: string | null; name?: string; country?: string; cities?: string[] }[] }) {
  const { lang } = useLanguage();
  const sep = lang === 'zh-TW' ? '、' : ', ';
  return (
    <>
      {destinations
        .map((d) => {
          const name = countryName(lang, { code: d.code ?? d.countryCode ?? null, name: d.name ?? d.country ?? '' });
          if (!d.cities || d.cities.length === 0) return name;
          return lang === 'zh-TW' ? `${name}（${d.cities.join(sep)}）` : `${name} (${d.cities.join(sep)})`;
        })
        .join(sep)}
    </>
  );
}
