import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** Every file of a zip package, as text. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}

/** The paths of a zip package in the order they are stored. */
export function zipOrder(bytes: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
    const compressedSize = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    names.push(strFromU8(bytes.subarray(at + 30, at + 30 + nameLength)));
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

/** The character content of XML: tags removed, paragraphs and cells turned into line breaks, entities decoded. */
export function xmlText(xml: string): string {
  return xml
    .replace(/<\/(w:p|text:p|text:h|row|table:table-row|c|table:table-cell|p|li|td|th|tr|h\d)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Checks that XML is well formed as far as a reader of these files cares: one prolog, every tag
 * closed in order, attribute values quoted, only the five predefined entities or character references,
 * and no character XML 1.0 forbids. Returns the problems found.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) problems.push('control character');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<|&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  for (const m of xml.matchAll(tag)) {
    if (m[0] === '<') problems.push(`stray < at ${m.index}`);
    else if (m[0].startsWith('&')) problems.push(`bad entity at ${m.index}: ${xml.slice(m.index, m.index + 12)}`);
    else if (m[2] === undefined) continue;
    else if (m[1] === '/') {
      const open = stack.pop();
      if (open !== m[2]) problems.push(`</${m[2]}> closes <${open}> at ${m.index}`);
    } else if (m[4] !== '/') stack.push(m[2]);
    if (problems.length > 5) break;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.slice(-3).join(', ')}`);
  return problems;
}

/** The text of a PDF, through poppler's pdftotext. */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-test-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whitespace removed, so text a layout wrapped across lines can be compared. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
