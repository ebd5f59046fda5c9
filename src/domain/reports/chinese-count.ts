const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS: [number, string][] = [
  [1000, '千'],
  [100, '百'],
  [10, '十'],
];

/**
 * Writes a count the way the reports do (等七人, 等十三人, 一百零五人); counts from 10,000 on,
 * and anything that is not a positive whole number, are written in Arabic digits.
 */
export function formatChineseCount(n: number): string {
  if (!Number.isSafeInteger(n) || n <= 0 || n >= 10000) return String(n);
  let rest = n;
  let text = '';
  let pendingZero = false;
  for (const [value, unit] of UNITS) {
    const digit = Math.floor(rest / value);
    rest %= value;
    if (digit === 0) {
      if (text !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    // 十三, not 一十三, when the count starts with the tens.
    text += value === 10 && digit === 1 && text === '' ? unit : `${DIGITS[digit]}${unit}`;
  }
  if (rest > 0) text += `${pendingZero ? '零' : ''}${DIGITS[rest]}`;
  return text;
}
