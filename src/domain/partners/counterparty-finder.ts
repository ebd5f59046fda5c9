import { countries } from '#app/domain/places/country-list.ts';
import { partnerNameKey } from '#app/domain/partners/partner-names.ts';
import type { PartnerKind } from '#app/domain/partners/partner-schema.ts';

/** A city the ledger knows, from trip destinations or the partner registry. */
export interface KnownPlace {
  name: string;
  countryCode: string | null;
  country: string | null;
}

/** A partner already in the registry, matched by its name or an alias. */
export interface KnownPartner {
  id: string;
  kind: PartnerKind;
  name: string;
  aliases: readonly string[];
  countryCode: string | null;
}

/** A counterparty found in an outcome text: an existing partner, or a new one to create. */
export interface FoundCounterparty {
  kind: PartnerKind;
  name: string;
  countryCode: string | null;
  country: string | null;
  /** The registry partner this is, when there is one. */
  partnerId: string | null;
  /** The words of the text it was found from. */
  matched: string;
}

const CJK = '\\u3400-\\u9fff';
// Country names of two or more characters (one-character aliases such as 美 match inside words).
const COUNTRY_NAMES = countries
  .flatMap((c) => [c.name, ...c.aliases].map((name) => ({ name, code: c.code, canonical: c.name })))
  .filter((c) => c.name.length >= 2)
  .sort((a, b) => b.name.length - a.name.length);
const COUNTRY_ALTERNATION = COUNTRY_NAMES.map((c) => c.name).join('|');
const COUNTRY_CITY = new RegExp(`(${COUNTRY_ALTERNATION})([${CJK}]{1,5}?市)(?!場|民)`, 'g');
// 與以色列珮塔提克瓦締結姊妹市: a foreign name right before 締結 is the other city.
const COUNTRY_TWIN = new RegExp(`(${COUNTRY_ALTERNATION})([${CJK}]{2,6}?)(?=締結|結為)`, 'g');
const CITY_GOVERNMENT = new RegExp(`([${CJK}]{2,8}?)(?:都會區)?市政府`, 'g');
const GENERIC_CITY = /城市$|^[及與、和]|各|主要|本市|該市|兩市|全市|縣市|都市$|臺中|台中|本府/;
// Inside a greedy match, the name is what follows the last particle (橋國際客輪碼頭及日本松下株式會社).
const LAST_PART = /^.*[之的所及、與並]/;

const ORG_SUFFIX = '(?:公司|集團|協會|聯盟|總會|聯合會|委員會|大學|研究院|株式會社|供應鏈中心|展覽公司)';
const ORGANISATION = new RegExp(`([${CJK}A-Za-z0-9]{2,12}?${ORG_SUFFIX})`, 'g');
const QUOTED_ORGANISATION = new RegExp(`「([^「」]{2,30}${ORG_SUFFIX})」`, 'g');
// Verbs and particles a greedy match drags in front of a name (拜會日本三井集團 → 日本三井集團).
const LEADING_NOISE = /^(?:[與和及並向由於在為、，年月]|日(?!本)|姊妹市|友好城市|拜會|參訪|促成|邀請|出席|參加|成立|會見|洽談|分別|其中|設在|總部|並與|與其)+/;
const NOT_AN_ORGANISATION = /^(?:新創|業者|旅行業者|企業|產業|公司|集團)$|本市|臺中|台中|我國|雙方|各國|等/;

const PERSON_TITLES = '(?:副市長|市長|知事|議長|副議長|市議員|國會議員|議員|會長|副主席|主席|處長|科長|經理|總編輯|大使|參事)';
const NAME_AFTER_TITLE = new RegExp(`${PERSON_TITLES}\\s?([${CJK}]{2,5}?)(?=[、，,。；及等並與亦為於就在率的\\s]|$)`, 'g');
const NAME_BEFORE_TITLE = new RegExp(`(?<=[市縣會府國都、及與，\\s])([${CJK}]{2,4}?)(?=(?:副)?(?:知事|議長|會長|主席))`, 'g');
// Before 市長 a name needs its city (名古屋市河村隆之市長) or another title (市長及鄭九彰副市長);
// otherwise the words are a place (巴黎副市長、大土魯斯副市長).
const NAME_BEFORE_MAYOR = new RegExp(`(?<=[市縣]|(?:市長|知事|議長)[、及與])([${CJK}]{2,4}?)(?=(?:副)?市長)`, 'g');
const TITLE_AT_START = new RegExp(`^\\s?${PERSON_TITLES}`);
const LATIN_NAME = "(?:Mr\\.\\s|Ms\\.\\s)?[A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]+(?:\\s(?:van|de|der|von|la|le)?\\s?[A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]+){1,2}";
const LATIN_AFTER_TITLE = new RegExp(`${PERSON_TITLES}\\s?(${LATIN_NAME})`, 'g');
const LATIN_BEFORE_TITLE = new RegExp(`(${LATIN_NAME})\\s?(?=${PERSON_TITLES})`, 'g');
const NOT_A_NAME = /^(?:等|及|與|並|率|於|親自|就|來臺|應邀|一行|為|再率|團|兼|蒞|研商)|政要|政府|市政|議員團|代表隊|城市|本市|[長員]$/;

/**
 * Finds the cities, organisations and people an outcome text names: registry partners by name
 * or alias, known cities, `<country><name>市`, organisation names by their suffix, and people
 * next to a title (國會議員趙慶泰, 河村隆之市長, 副市長 Jeroen Kreijkamp). These are proposals.
 */
export function findCounterparties(
  text: string,
  known: { places: readonly KnownPlace[]; partners: readonly KnownPartner[]; defaultCountry?: { code: string; name: string } | null },
): FoundCounterparty[] {
  const found = new Map<string, FoundCounterparty>();
  const add = (c: FoundCounterparty) => {
    const key = `${c.kind}:${partnerNameKey(c.name)}`;
    if (!found.has(key)) found.set(key, c);
  };
  const partnersByKey = new Map(known.partners.flatMap((p) => [p.name, ...p.aliases].map((n) => [`${p.kind}:${partnerNameKey(n)}`, p] as const)));
  const asKnown = (c: Omit<FoundCounterparty, 'partnerId'>): FoundCounterparty => {
    const partner = partnersByKey.get(`${c.kind}:${partnerNameKey(c.name)}`);
    return partner ? { ...c, name: partner.name, countryCode: partner.countryCode ?? c.countryCode, partnerId: partner.id } : { ...c, partnerId: null };
  };

  for (const p of known.partners) {
    const name = [p.name, ...p.aliases].find((n) => n.length >= 2 && text.includes(n));
    if (name) add({ kind: p.kind, name: p.name, countryCode: p.countryCode, country: null, partnerId: p.id, matched: name });
  }
  for (const place of known.places) {
    const bare = place.name.endsWith('市') && place.name.length > 2 ? place.name.slice(0, -1) : place.name;
    if (bare.length >= 2 && text.includes(bare)) add(asKnown({ kind: 'city', name: place.name, countryCode: place.countryCode, country: place.country, matched: bare }));
  }
  for (const pattern of [COUNTRY_CITY, COUNTRY_TWIN]) {
    for (const m of text.matchAll(pattern)) {
      const city = m[2] ?? '';
      if (GENERIC_CITY.test(city)) continue;
      const country = COUNTRY_NAMES.find((c) => c.name === m[1]);
      add(asKnown({ kind: 'city', name: city, countryCode: country?.code ?? null, country: country?.canonical ?? null, matched: m[0] }));
    }
  }
  for (const m of text.matchAll(CITY_GOVERNMENT)) {
    const city = (m[1] ?? '').replace(LAST_PART, '').replace(LEADING_NOISE, '');
    if (city.length < 2 || GENERIC_CITY.test(city) || [...found.values()].some((f) => f.kind === 'city' && partnerNameKey(f.name) === partnerNameKey(city))) continue;
    // A city named without its country is most likely in the one country the trip went to.
    const country = known.defaultCountry ?? null;
    add(asKnown({ kind: 'city', name: city, countryCode: country?.code ?? null, country: country?.name ?? null, matched: m[0] }));
  }
  for (const pattern of [QUOTED_ORGANISATION, ORGANISATION]) {
    for (const m of text.matchAll(pattern)) {
      const name = (m[1] ?? '').replace(LAST_PART, '').replace(LEADING_NOISE, '');
      if (name.length < 4 || NOT_AN_ORGANISATION.test(name)) continue;
      if ([...found.values()].some((f) => f.kind === 'organisation' && f.name.includes(name))) continue;
      add(asKnown({ kind: 'organisation', name, countryCode: null, country: null, matched: m[0] }));
    }
  }
  const afterTitle = new Set<number>();
  for (const pattern of [NAME_AFTER_TITLE, LATIN_AFTER_TITLE]) {
    for (const m of text.matchAll(pattern)) {
      const name = (m[1] ?? '').trim();
      if (NOT_A_NAME.test(name)) continue;
      afterTitle.add(m.index + m[0].length - name.length);
      add(asKnown({ kind: 'person', name, countryCode: null, country: null, matched: m[0] }));
      // A list after one title: 國會議員趙慶泰、文炳浩及朱豪英.
      let rest = text.slice(m.index + m[0].length);
      for (;;) {
        const next = new RegExp(`^[、及]([${CJK}]{2,3})(?=[、，,。；及等並])`).exec(rest);
        if (!next || NOT_A_NAME.test(next[1] ?? '')) break;
        add(asKnown({ kind: 'person', name: next[1] ?? '', countryCode: null, country: null, matched: next[0] }));
        rest = rest.slice(next[0].length);
      }
    }
  }
  // End of the title of each person accepted, so that 市長及鄭九彰副市長 can continue a list of people.
  const personTitleEnds = new Set<number>();
  for (const pattern of [NAME_BEFORE_TITLE, NAME_BEFORE_MAYOR, LATIN_BEFORE_TITLE]) {
    for (const m of text.matchAll(pattern)) {
      const name = (m[1] ?? '').replace(/^[市縣會府國都]+/, '').trim();
      const nameEnd = m.index + m[0].length;
      const titleEnd = nameEnd + (TITLE_AT_START.exec(text.slice(nameEnd))?.[0].length ?? 0);
      // 首爾市長朴元淳: when a name follows the title, the words before it are a place.
      const followedByName = [...afterTitle].some((start) => start > nameEnd && start <= titleEnd + 1);
      const listed = /[、及與]$/.test(text.slice(0, m.index)) && !/[市縣會府國都，\s]$/.test(text.slice(0, m.index));
      if (pattern === NAME_BEFORE_MAYOR && listed && !personTitleEnds.has(m.index - 1)) continue;
      if (name.length < 2 || followedByName || NOT_A_NAME.test(name) || [...found.values()].some((f) => f.kind === 'city' && partnerNameKey(f.name) === partnerNameKey(name))) continue;
      personTitleEnds.add(titleEnd);
      add(asKnown({ kind: 'person', name, countryCode: null, country: null, matched: m[0] }));
    }
  }
  return [...found.values()];
}
