import type { RawLine, RawRow } from '#app/domain/import/tab-rows.ts';

const TABLE = /<table\b[^>]*>([\s\S]*?)(?:<\/table\s*>|$)/gi;
const ROW = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tr\s*>|<\/table\s*>|$)/gi;
const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|<\/t[dh]\s*>|<\/tr\s*>|$)/gi;
const COLSPAN = /\bcolspan\s*=\s*["']?(\d{1,2})/i;
// Layout tags that say nothing about content; list and paragraph tags stay, the outcome reader needs them.
const INLINE_TAGS = /<\/?(?:span|font|b|strong|i|em|u|a|small|big|sup|sub)\b[^>]*>/gi;

/** Decodes the entities a cell's text uses, but leaves `&lt;`/`&gt;` alone so they never turn into tags. */
export function decodeTextEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|nbsp|quot|apos|ensp|emsp|thinsp);/g, (whole, body: string) => {
    if (body === 'amp') return '&';
    if (body === 'quot') return '"';
    if (body === 'apos') return "'";
    if (body === 'nbsp' || body === 'ensp' || body === 'emsp' || body === 'thinsp') return ' ';
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (code === 60 || code === 62) return whole;
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** 1-based line number of every character offset, computed once for the whole text. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function cellText(inner: string): string {
  return decodeTextEntities(inner.replace(INLINE_TAGS, '').replace(/\s*\n\s*/g, ' ')).trim();
}

/**
 * Reads the rows of every `<table>` in an HTML fragment (closing tags optional, `colspan` spread
 * over empty cells) and the text outside the tables line by line, tags removed, for footnotes.
 */
export function readHtmlTables(text: string): { rows: RawRow[]; lines: RawLine[] } {
  const lineOf = lineIndex(text);
  const rows: RawRow[] = [];
  const notes: RawLine[] = [];
  const covered: [number, number][] = [];
  for (const table of text.matchAll(TABLE)) {
    const tableStart = table.index ?? 0;
    covered.push([tableStart, tableStart + table[0].length]);
    const body = table[1] ?? '';
    const bodyStart = tableStart + table[0].indexOf(body);
    for (const row of body.matchAll(ROW)) {
      const cells: string[] = [];
      let spanning = false;
      for (const cell of (row[1] ?? '').matchAll(CELL)) {
        cells.push(cellText(cell[3] ?? ''));
        const span = Number(COLSPAN.exec(cell[2] ?? '')?.[1] ?? 1);
        if (span >= 3) spanning = true;
        for (let i = 1; i < Math.min(span, 20); i++) cells.push('');
      }
      const line = lineOf(bodyStart + (row.index ?? 0));
      // A cell spanning most of the row is a note or a section heading, never part of a trip.
      if (spanning) notes.push({ line, text: cells.filter((c) => c !== '').join(' ').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() });
      else if (cells.length > 0) rows.push({ line, cells });
    }
  }
  const lines: RawLine[] = [];
  const outside = text.split('');
  for (const [from, to] of covered) for (let i = from; i < to; i++) if (outside[i] !== '\n') outside[i] = ' ';
  outside
    .join('')
    .split('\n')
    .forEach((content, index) => {
      const plain = decodeTextEntities(content.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
      if (plain !== '') lines.push({ line: index + 1, text: plain });
    });
  lines.push(...notes.filter((n) => n.text !== ''));
  lines.sort((a, b) => a.line - b.line);
  return { rows, lines };
}
