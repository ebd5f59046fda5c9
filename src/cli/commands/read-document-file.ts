import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportWarning } from '#app/domain/import/parsed-document.ts';
import { decodeDocument, DocumentRejectedError, MAX_DOCUMENT_BYTES } from '#app/import/import-document.ts';
import { UsageError } from '#app/cli/cli-errors.ts';

/** Reads a report file as UTF-8 text, refusing missing, oversized and binary files. */
export function readDocumentFile(file: string): { text: string; name: string } {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  if (size > MAX_DOCUMENT_BYTES) {
    throw new DocumentRejectedError('too-large', `${file} is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB. Split the document and import the parts.`);
  }
  const name = basename(file);
  return { text: decodeDocument(readFileSync(file), name), name };
}

/** Prints import warnings (or findings) to stderr, one per line, with line, column and what was assumed. */
export function printWarnings(warnings: readonly ImportWarning[], label = 'warning'): void {
  for (const w of warnings) process.stderr.write(`${label}: line ${w.line}${w.column ? ` [${w.column}]` : ''}: ${w.message}; ${w.assumed}\n`);
}
