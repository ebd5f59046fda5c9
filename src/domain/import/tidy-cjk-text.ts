import { collapseSpaces } from '#app/domain/text/normalize-text.ts';

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\u3000-\\u303F\\uFF00-\\uFFEF';
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}]) +(?=[${CJK}])`, 'g');

/** Collapses spaces and drops those between two CJK characters, which PDF extraction inserts. */
export function tidyCjkText(text: string): string {
  return collapseSpaces(text.replace(/<[^>]+>/g, ' ')).replace(SPACE_BETWEEN_CJK, '$1');
}
