import { collapseSpaces } from '#app/domain/text/normalize-text.ts';

/** The items of one outcome cell, in order, and what looked wrong with the numbering. */
export interface OutcomeItems {
  items: string[];
  warnings: string[];
}

/** How an item number is written: `1.`, `1)`, `1、`, `(1)`, `（一）`, `一、`, `①`. */
type MarkerStyle = 'dot' | 'close-paren' | 'digit-comma' | 'paren' | 'cjk-paren' | 'cjk-comma' | 'circled';

interface Marker {
  style: MarkerStyle;
  number: number;
  /** Index just past the marker and the spaces after it. */
  end: number;
  /** Whether the marker cannot be part of a word: a space follows it, or its style needs none. */
  spaced: boolean;
}

/** `strong`: cell or paragraph start, or after a sentence end; `weak`: after any other space. */
type Position = 'strong' | 'weak';

interface Block {
  kind: 'p' | 'li';
  raw: string;
}

// A skip larger than this is more likely a number in a sentence than a lost item.
const MAX_SKIP = 3;
const SENTENCE_ENDS = new Set(['。', '；', '」', '』', '！', '？']);
const BLOCK_TAGS = new Set([
  'p', 'li', 'ol', 'ul', 'br', 'div', 'tr', 'td', 'th', 'table', 'tbody', 'thead',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'dl', 'dt', 'dd', 'hr',
]);
const TAG = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>/g;
const CJK_DIGITS = '一二三四五六七八九';

const MARKERS: readonly { style: MarkerStyle; re: RegExp; needsSpace: boolean }[] = [
  { style: 'paren', re: /[(（] ?([0-9０-９]{1,2}) ?[)）]/y, needsSpace: false },
  { style: 'cjk-paren', re: /[(（]([一二三四五六七八九十]{1,3})[)）]/y, needsSpace: false },
  // Not followed by a digit: 4.0, 616.54 and 2、3 月 are numbers, not markers. Mid-sentence a dot
  // also needs a space after it, since `2.x` may be a version or an abbreviation.
  { style: 'dot', re: /([0-9０-９]{1,2})[.．](?![0-9０-９.．])/y, needsSpace: true },
  { style: 'close-paren', re: /([0-9０-９]{1,2})[)）](?![0-9０-９])/y, needsSpace: false },
  { style: 'digit-comma', re: /([0-9０-９]{1,2})、(?![0-9０-９])/y, needsSpace: false },
  { style: 'cjk-comma', re: /([一二三四五六七八九十]{1,3})、/y, needsSpace: false },
];

/** Splits one outcome cell, already joined across page breaks, into its items without tags or item numbers. */
export function splitOutcomeItems(cell: string): OutcomeItems {
  const items: string[] = [];
  const warnings: string[] = [];
  let numbered = false;
  let style: MarkerStyle | null = null;
  let lastNumber = 0;
  // Inside <li> lists the markup, not a full stop, says where an item ends.
  let structured = false;

  const startItem = (): void => {
    items.push('');
  };
  const append = (text: string): void => {
    if (items.length === 0) startItem();
    items[items.length - 1] += ` ${text}`;
  };
  const take = (m: Marker): void => {
    const expected = numbered ? lastNumber + 1 : items.length + 1;
    if (m.number > expected) {
      for (let n = expected; n < m.number; n++) warnings.push(`item ${n} missing`);
    } else if (!numbered && m.number < expected) {
      warnings.push(`${items.length} unnumbered item(s) before item ${m.number}`);
    }
    numbered = true;
    style = m.style;
    lastNumber = m.number;
  };
  // A number starts an item only if it is the next one (or, at a sentence end, a small skip),
  // and once numbering has started, only in the same style: a (1) inside a `1.` item is a sub-point.
  const accepts = (m: Marker, position: Position): boolean => {
    if (numbered && m.style !== style) return false;
    if (numbered) {
      const expected = lastNumber + 1;
      if (m.number === expected) return position === 'strong' || m.spaced;
      return position === 'strong' && m.number > expected && m.number <= expected + MAX_SKIP;
    }
    // Before any number, unnumbered items may precede (the US West trip lost items 1 and 2).
    return position === 'strong' && m.number >= 1 && m.number <= items.length + 1 + MAX_SKIP;
  };

  for (const block of toBlocks(cell)) {
    const text = collapseSpaces(decodeEntities(block.raw));
    if (text === '') continue;
    let from = 0;
    const lead = readMarker(text, 0);
    if (block.kind === 'li') {
      structured = true;
      if (lead && (!numbered || lead.style === style)) {
        take(lead);
        from = lead.end;
      }
      startItem();
    } else if (lead && accepts(lead, 'strong')) {
      take(lead);
      startItem();
      from = lead.end;
    } else if (items.length === 0 || (!numbered && !structured)) {
      startItem();
    }
    // Otherwise a paragraph without the next number continues the current item.

    let segmentStart = from;
    for (let j = Math.max(from, 1); j < text.length; j++) {
      const prev = text.charAt(j - 1);
      let position: Position | null = null;
      if (SENTENCE_ENDS.has(prev)) position = 'strong';
      else if (prev === ' ') position = SENTENCE_ENDS.has(text.charAt(j - 2)) ? 'strong' : 'weak';
      if (position === null) continue;
      const m = readMarker(text, j);
      if (m && accepts(m, position)) {
        append(text.slice(segmentStart, j));
        take(m);
        startItem();
        segmentStart = m.end;
        j = m.end - 1;
      } else if (!numbered && !structured && prev === ' ' && text.charAt(j - 2) === '。') {
        // Unnumbered items are told apart only by a full stop and a space (the Ehime trip).
        append(text.slice(segmentStart, j));
        startItem();
        segmentStart = j;
      }
    }
    append(text.slice(segmentStart));
  }

  const result: string[] = [];
  items.forEach((raw, i) => {
    const item = collapseSpaces(raw);
    if (item === '') warnings.push(`item ${i + 1} is empty and was dropped`);
    else result.push(item);
  });
  return { items: result, warnings };
}

/** Cuts the cell at block tags (`<p>`, `<li>`, `<br>`…) and drops inline tags and comments. */
function toBlocks(cell: string): Block[] {
  const blocks: Block[] = [{ kind: 'p', raw: '' }];
  let last = 0;
  for (const match of cell.matchAll(TAG)) {
    const current = blocks[blocks.length - 1] as Block;
    current.raw += cell.slice(last, match.index);
    last = match.index + match[0].length;
    const name = (match[2] ?? '').toLowerCase();
    if (!BLOCK_TAGS.has(name)) continue;
    const kind = name === 'li' && match[1] === '' ? 'li' : 'p';
    // Empty space between tags (`</p> <p>`, `<ol> <li>`) is not a block of its own.
    if (current.raw.trim() === '') current.kind = current.kind === 'li' || kind === 'li' ? 'li' : 'p';
    else blocks.push({ kind, raw: '' });
  }
  (blocks[blocks.length - 1] as Block).raw += cell.slice(last);
  return blocks;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function readMarker(text: string, at: number): Marker | null {
  const ch = text.charAt(at);
  const code = ch.charCodeAt(0);
  // ① … ⑳ and ⑴ … ⒇
  if (code >= 0x2460 && code <= 0x2487) {
    const circled = code <= 0x2473;
    return { style: circled ? 'circled' : 'paren', number: code - (circled ? 0x2460 : 0x2474) + 1, end: skipSpaces(text, at + 1), spaced: true };
  }
  for (const { style, re, needsSpace } of MARKERS) {
    re.lastIndex = at;
    const match = re.exec(text);
    if (!match) continue;
    const number = style === 'cjk-paren' || style === 'cjk-comma' ? cjkNumber(match[1] ?? '') : halfWidthNumber(match[1] ?? '');
    if (number === null || number < 1) continue;
    const after = at + match[0].length;
    const spaced = !needsSpace || after >= text.length || /\s/.test(text.charAt(after));
    return { style, number, end: skipSpaces(text, after), spaced };
  }
  return null;
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return i;
}

function halfWidthNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/** 一 … 九十九; null for anything else (十十, 二二). */
function cjkNumber(text: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return null;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? CJK_DIGITS.indexOf(tens) + 1 : null;
  return (tens ? CJK_DIGITS.indexOf(tens) + 1 : 1) * 10 + (units ? CJK_DIGITS.indexOf(units) + 1 : 0);
}
