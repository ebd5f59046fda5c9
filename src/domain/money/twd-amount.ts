import { fail, ok, type Parsed } from '#app/domain/result.ts';
import { removeSpaces, toHalfWidth } from '#app/domain/text/normalize-text.ts';

/** A budget cell: a whole-TWD amount that is `settled`, or no amount yet because it is `settling` (核銷中) or `pending` (尚待彙整). */
export interface TwdAmount {
  amount: number | null;
  status: 'settled' | 'settling' | 'pending';
}

/** The largest amount the trip schema accepts. */
export const MAX_TWD_AMOUNT = 1e12;

const SETTLING = /尚待核銷|待核銷|核銷中/;
const PENDING = /尚待彙整|待彙整|彙整中/;
const OTHER_CURRENCY = /USD|US\$|EUR|JPY|CNY|RMB|美金|美元|日圓|日幣|日元|歐元|人民幣|港幣/i;
const CURRENCY_PREFIX = /^(?:新臺幣|新台幣|臺幣|台幣|NT\$|NTD|TWD|NT)\$?/i;
const CURRENCY_SUFFIX = /(?:元|圓)整?$/;
const BODY = /^(?:([0-9.,]+)億)?(?:([0-9.,]+)萬)?([0-9.,]+)?$/;
const GROUPED = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;
const EXPECTED = 'expected a form like 新臺幣 51 萬 2,005 元, NT$ 612,480, 核銷中 or 尚待彙整';

function fault(code: string, text: string, message: string): Parsed<TwdAmount> {
  return fail('money', code, text, message);
}

/** One number of the body with its place value; a fraction is allowed only where it still makes whole dollars (51.5萬). */
function readPart(part: string, scale: number, text: string): Parsed<number> {
  const [whole = '', fraction = '', ...extra] = part.split('.');
  if (extra.length > 0 || whole === '' || (part.includes('.') && fraction === '')) {
    return fail('money', 'unreadable', text, `"${part}" in "${text}" is not a number`);
  }
  if (!GROUPED.test(whole)) {
    return fail('money', 'malformed-grouping', text, `"${whole}" in "${text}" has malformed thousands groups; commas must separate groups of three digits`);
  }
  const digits = fraction.replace(/0+$/, '');
  if (digits.length > String(scale).length - 1) {
    return fail('money', 'not-integer', text, `"${text}" has a fraction of a dollar; amounts are whole TWD`);
  }
  const fractionValue = digits === '' ? 0 : Number(digits) * (scale / 10 ** digits.length);
  return ok(Number(whole.replace(/,/g, '')) * scale + fractionValue);
}

function readAmount(body: string, text: string): Parsed<number> {
  if (!/[0-9]/.test(body)) return fail('money', 'unreadable', text, `"${text}" has no amount; ${EXPECTED}`);
  const m = BODY.exec(body);
  if (!m) return fail('money', 'unreadable', text, `"${text}" is not an amount of money; ${EXPECTED}`);
  const [, yiText, wanText, unitText] = m;
  const parts: [string | undefined, number, string][] = [
    [yiText, 1e8, '億'],
    [wanText, 1e4, '萬'],
    [unitText, 1, ''],
  ];
  let total = 0;
  let previous: { scale: number; mark: string; fractional: boolean } | null = null;
  for (const [partText, scale, mark] of parts) {
    if (partText === undefined) continue;
    const r = readPart(partText, scale, text);
    if (!r.ok) return r;
    if (previous !== null) {
      // 51 萬 12,005 is no amount: what follows 萬 must be below one 萬, and what follows 億 below one 億.
      if (r.value >= previous.scale) {
        return fail('money', 'malformed', text, `"${partText}" after ${previous.mark} in "${text}" must be below ${formatGrouped(previous.scale)}`);
      }
      if (previous.fractional) {
        return fail('money', 'malformed', text, `"${text}" has a decimal ${previous.mark} amount followed by more digits`);
      }
    }
    total += r.value;
    previous = { scale, mark, fractional: partText.includes('.') };
  }
  return ok(total);
}

/** Reads a 預算經費 cell (新臺幣 51 萬 2,005 元, NT$ 612,480, 1億2,000萬元, 核銷中, 尚待彙整) into whole TWD and a settlement status. */
export function parseTwdAmount(text: string): Parsed<TwdAmount> {
  const compact = removeSpaces(toHalfWidth(text));
  if (compact === '') return fault('empty', text, 'the amount is empty');

  const settling = SETTLING.test(compact);
  const pending = PENDING.test(compact);
  if (settling && pending) return fault('conflicting-status', text, `"${text}" says both that settlement is in progress and that figures are still being compiled`);

  let money = compact;
  let status: TwdAmount['status'] = 'settled';
  if (settling || pending) {
    status = settling ? 'settling' : 'pending';
    money = compact.replace(settling ? SETTLING : PENDING, '');
    // Without digits the rest is wording (相關經費…資料中), not an amount.
    if (!/[0-9]/.test(money)) return ok({ amount: null, status });
    money = money.replace(/[()【】[\]、，。:：;；]/g, '');
  }

  if (/約/.test(money)) return fault('approximate', text, `"${text}" is an approximate amount; record the exact figure`);
  if (OTHER_CURRENCY.test(money)) return fault('not-twd', text, `"${text}" is not in New Taiwan dollars`);
  const body = money.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  if (/^[-−]|負/.test(body)) return fault('negative', text, `"${text}" is negative; an amount spent cannot be`);

  const amount = readAmount(body, text);
  if (!amount.ok) return amount;
  if (amount.value > MAX_TWD_AMOUNT) return fault('too-large', text, `"${text}" is more than ${formatGrouped(MAX_TWD_AMOUNT)} TWD, which no trip costs`);
  return ok({ amount: amount.value, status });
}

function formatGrouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Writes an amount the way the council reports do: `新臺幣 51 萬 2,005 元`, `新臺幣 8,170 元`, `新臺幣 10 萬元`,
 * `新臺幣 1 億 2,000 萬 5 元`. A value that is not a whole non-negative number is written plainly so it stays visible.
 */
export function formatTwdAmount(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) return `新臺幣 ${String(amount)} 元`;
  const yi = Math.floor(amount / 1e8);
  const wan = Math.floor((amount % 1e8) / 1e4);
  const rest = amount % 1e4;
  const pieces: string[] = [];
  if (yi > 0) pieces.push(`${formatGrouped(yi)} 億`);
  if (wan > 0) pieces.push(`${formatGrouped(wan)} 萬`);
  if (rest > 0 || pieces.length === 0) pieces.push(`${formatGrouped(rest)} 元`);
  else pieces[pieces.length - 1] += '元';
  return `新臺幣 ${pieces.join(' ')}`;
}
