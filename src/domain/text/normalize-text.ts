/** Converts full-width ASCII (digits, letters, ／－．，：（）) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Collapses runs of whitespace (including non-breaking spaces) to one space and trims the ends. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00A0]+/g, ' ').trim();
}

/**
 * Removes every whitespace character. PDF extraction inserts spaces inside CJK words
 * (`出國 日期`, `市長林佳龍、 研考會主委柳 嘉峰`), and Chinese text carries no spaces of its own.
 */
export function removeSpaces(text: string): string {
  return text.replace(/[\s\u00A0\u3000]+/g, '');
}

/**
 * Removes spaces that sit next to a CJK character but keeps those between two Latin words
 * (`ICLEI World Congress 2015` stays, `柳 嘉峰` becomes `柳嘉峰`).
 */
export function removeCjkSpaces(text: string): string {
  const cjk = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F';
  return collapseSpaces(text)
    .replace(new RegExp(`([${cjk}]) +`, 'g'), '$1')
    .replace(new RegExp(` +([${cjk}])`, 'g'), '$1');
}
