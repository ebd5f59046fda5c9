import { splitHeadcount } from '#app/domain/delegation/headcount.ts';
import { fail, ok, type Parsed } from '#app/domain/result.ts';
import { collapseSpaces, removeCjkSpaces, toHalfWidth } from '#app/domain/text/normalize-text.ts';
import type { Member } from '#app/domain/trips/trip-schema.ts';

/** A delegation cell read into members, the stated headcount (等七人 → 7) and what looked doubtful. */
export interface Delegation {
  members: Member[];
  headcount: number | null;
  warnings: string[];
}

/** Words a job title ends in; the title is the longest prefix of a member's text that ends in one of them. */
export const TITLE_WORDS: readonly string[] = [
  '市長', '副市長', '秘書長', '副秘書長', '局長', '副局長', '處長', '副處長', '主委', '副主委', '主任委員', '副主任委員',
  '主任', '委員', '參議', '參事', '專門委員', '科長', '股長', '課長', '組長', '秘書', '主任秘書', '主秘', '議員', '議長',
  '副議長', '顧問', '執行長', '董事長', '總經理', '經理', '院長', '校長', '技正', '技士', '專員', '科員', '辦事員', '視察',
  '區長', '隊長', '所長', '館長', '主席', '理事長', '總幹事', '研究員', '發言人', '特助', '助理',
];

/** Taichung City Government agencies by the names and abbreviations titles use (觀旅局 → 觀光旅遊局). */
export const AGENCY_NAMES: Readonly<Record<string, string>> = {
  秘書處: '秘書處',
  民政局: '民政局',
  財政局: '財政局',
  教育局: '教育局',
  經濟發展局: '經濟發展局',
  經發局: '經濟發展局',
  建設局: '建設局',
  交通局: '交通局',
  都市發展局: '都市發展局',
  都發局: '都市發展局',
  文化局: '文化局',
  農業局: '農業局',
  觀光旅遊局: '觀光旅遊局',
  觀旅局: '觀光旅遊局',
  社會局: '社會局',
  勞工局: '勞工局',
  警察局: '警察局',
  衛生局: '衛生局',
  環境保護局: '環境保護局',
  環保局: '環境保護局',
  新聞局: '新聞局',
  地政局: '地政局',
  法制局: '法制局',
  消防局: '消防局',
  水利局: '水利局',
  運動局: '運動局',
  地方稅務局: '地方稅務局',
  稅務局: '地方稅務局',
  原住民族事務委員會: '原住民族事務委員會',
  原民會: '原住民族事務委員會',
  客家事務委員會: '客家事務委員會',
  客委會: '客家事務委員會',
  研究發展考核委員會: '研究發展考核委員會',
  研考會: '研究發展考核委員會',
  人事處: '人事處',
  主計處: '主計處',
  政風處: '政風處',
  住宅發展工程處: '住宅發展工程處',
  捷運工程處: '捷運工程處',
  捷運處: '捷運工程處',
  資訊中心: '資訊中心',
};

/** Titles that belong to the city government or the council as a whole rather than to one agency. */
export const BODY_TITLES: Readonly<Record<string, string>> = {
  市長: '市政府',
  副市長: '市政府',
  秘書長: '市政府',
  副秘書長: '市政府',
  議長: '市議會',
  副議長: '市議會',
  議員: '市議會',
  市議員: '市議會',
};

// A title may name the city first (臺中市政府秘書處處長, 臺中市長); each prefix is tried, since 臺中市長 is 臺中 + 市長.
const CITY_PREFIXES = ['臺中市政府', '台中市政府', '臺中市', '台中市', '臺中', '台中', '市政府', '市府', '本府', '本市'];
const SEPARATORS = /[、,;\n]+/;
const CONJUNCTIONS = /[及和與暨]/g;
const CJK = /^[\u2E80-\u9FFF\uF900-\uFAFF]+$/;

function titleVariants(title: string): string[] {
  return [title, ...CITY_PREFIXES.filter((p) => title.startsWith(p) && title.length > p.length).map((p) => title.slice(p.length))];
}

/** The agency a job title belongs to (觀旅局局長 → 觀光旅遊局, 市長 → 市政府), or null when the title does not say. */
export function agencyOfTitle(title: string): string | null {
  const variants = titleVariants(title);
  for (const v of variants) {
    const body = BODY_TITLES[v];
    if (body !== undefined) return body;
  }
  for (const v of variants) {
    let best: string | null = null;
    for (const key of Object.keys(AGENCY_NAMES)) {
      if (v.startsWith(key) && (best === null || key.length > best.length)) best = key;
    }
    if (best !== null) return AGENCY_NAMES[best] ?? null;
  }
  return null;
}

/** Splits `研考會主委柳嘉峰` into title `研考會主委` and name `柳嘉峰`; null when no title word comes before a name. */
export function splitTitleAndName(text: string): { title: string; name: string } | null {
  let end = 0;
  for (const word of TITLE_WORDS) {
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
      const e = i + word.length;
      if (e < text.length && e > end) end = e;
    }
  }
  if (end === 0) return null;
  const name = text.slice(end).trim();
  return name === '' ? null : { title: text.slice(0, end).trim(), name };
}

/** Splits `市長林佳龍及秘書長黃國榮` at 及/和/與/暨, but only where both sides read as title + name (和平區 stays whole). */
function splitConjoined(piece: string): string[] {
  for (const m of piece.matchAll(CONJUNCTIONS)) {
    const left = piece.slice(0, m.index);
    const right = piece.slice(m.index + 1);
    if (splitTitleAndName(left) !== null && splitTitleAndName(right) !== null) {
      return [...splitConjoined(left), ...splitConjoined(right)];
    }
  }
  return [piece];
}

function isMayor(title: string): boolean {
  return titleVariants(title).includes('市長');
}

/**
 * Reads a 出國人員 cell (`市長林佳龍、 研考會主委柳 嘉峰 等七人`) into members with title, agency and role, and the
 * stated headcount. Doubtful readings become warnings, not errors, so an importer can keep the row and flag it.
 */
export function parseDelegation(cell: string): Parsed<Delegation> {
  const text = toHalfWidth(cell.replace(/<[^>]*>/g, ''));
  if (collapseSpaces(text) === '') return fail('member', 'empty', cell, 'the delegation is empty');

  const split = splitHeadcount(text);
  const { headcount } = split;
  let { names } = split;
  const warnings: string[] = [];
  if (headcount === null && /等[^、,;]{0,8}[人名位]\s*$/.test(text)) {
    warnings.push(`the headcount at the end of "${collapseSpaces(cell)}" could not be read`);
  }
  // 市長林佳龍等 ("and others") with the count missing or cut off by a page break; 等 is no part of the name.
  if (headcount === null && /等\s*$/.test(names)) {
    names = names.replace(/等\s*$/, '');
    warnings.push(`"${collapseSpaces(cell)}" ends in 等 without saying how many people went`);
  }

  const pieces = names
    .split(SEPARATORS)
    .map(removeCjkSpaces)
    .filter((p) => p !== '')
    .flatMap(splitConjoined);
  if (headcount === null && !pieces.some((p) => /\p{L}/u.test(p))) {
    return fail('member', 'unreadable', cell, `"${cell}" lists no names and no headcount`);
  }

  const members: Member[] = [];
  for (const piece of pieces) {
    if (!/\p{L}/u.test(piece)) {
      warnings.push(`"${piece}" is not a name and was left out`);
      continue;
    }
    const split = splitTitleAndName(piece);
    if (split === null) warnings.push(`no job title found in "${piece}"; the whole text is kept as the name`);
    const { title, name } = split ?? { title: '', name: piece };
    if (CJK.test(name) && (name.length < 2 || name.length > 4)) {
      warnings.push(`the name "${name}" in "${piece}" has ${name.length} character${name.length === 1 ? '' : 's'}; check where the title ends`);
    }
    members.push({ name, title, agency: title === '' ? null : agencyOfTitle(title), role: 'member' });
  }
  if (members.length === 0) warnings.push(`"${collapseSpaces(cell)}" lists no names`);

  const leaderIndex = Math.max(0, members.findIndex((m) => isMayor(m.title)));
  const leader = members[leaderIndex];
  if (leader !== undefined) leader.role = 'leader';

  if (headcount !== null && headcount < members.length) {
    warnings.push(`the stated headcount ${headcount} is smaller than the ${members.length} names listed`);
  }
  return ok({ members, headcount, warnings });
}
