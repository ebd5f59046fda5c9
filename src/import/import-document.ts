import { createHash, randomUUID } from 'node:crypto';
import { parseCouncilReport } from '#app/domain/import/council-report-parser.ts';
import type { ParsedDocument } from '#app/domain/import/parsed-document.ts';
import { parsedTripToInput, type UnstorableTrip } from '#app/domain/import/parsed-trip-to-input.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';

/** Largest document accepted; council reports are tens of kilobytes, 10,000-trip ledgers a few MB. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** A document that cannot be imported at all; nothing has been stored. */
export class DocumentRejectedError extends Error {
  override name = 'DocumentRejectedError';
  constructor(
    readonly code: 'empty' | 'binary' | 'too-large' | 'no-trip-table',
    message: string,
  ) {
    super(message);
  }
}

/** Summary of one import: what was added, what was already there, what could not be stored. */
export interface ImportSummary {
  document: ParsedDocument['document'];
  created: number;
  unchanged: number;
  unstorable: UnstorableTrip[];
  warnings: ParsedDocument['warnings'];
  tripIds: string[];
}

/** SHA-256 of the document text, the identity used to recognise a document imported before. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Decodes uploaded bytes as UTF-8 text, refusing empty, binary and oversized input. */
export function decodeDocument(bytes: Uint8Array, name: string): string {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    throw new DocumentRejectedError('too-large', `${name} is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB. Split the document and import the parts.`);
  }
  if (bytes.byteLength === 0) throw new DocumentRejectedError('empty', `${name} is empty; there is nothing to import.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DocumentRejectedError('binary', `${name} is not UTF-8 text. Extract the text first (for a PDF: pdftotext -layout), then import the .txt file.`);
  }
  if (/\u0000/.test(text)) throw new DocumentRejectedError('binary', `${name} contains NUL bytes, so it is a binary file, not text. Extract its text first.`);
  if (text.trim() === '') throw new DocumentRejectedError('empty', `${name} holds only whitespace; there is nothing to import.`);
  return text;
}

/** Parses a document without storing anything. */
export function parseDocument(text: string, name: string): ParsedDocument {
  return parseCouncilReport(text, { name, sha256: documentHash(text) });
}

/**
 * Stores the trips of a document in one transaction. A trip already stored (same source row of
 * the same document, or same title and dates) is left as it is, so importing twice adds nothing.
 */
export async function importDocument(store: Store, text: string, name: string): Promise<ImportSummary> {
  const parsed = parseDocument(text, name);
  if (parsed.trips.length === 0) {
    throw new DocumentRejectedError('no-trip-table', `${name} has no trip table: ${parsed.warnings.map((w) => w.message).join('; ')}`);
  }
  const hash = parsed.document.sha256 ?? documentHash(text);
  const summary: ImportSummary = { document: parsed.document, created: 0, unchanged: 0, unstorable: [], warnings: parsed.warnings, tripIds: [] };
  await store.db.transaction().execute(async (trx) => {
    const repo = new TripRepository(trx);
    for (const trip of parsed.trips) {
      const converted = parsedTripToInput(trip, { document: name, documentHash: hash });
      if (!converted.ok) {
        summary.unstorable.push(converted.problem);
        continue;
      }
      const existing = await repo.findImported({ documentHash: hash, line: trip.source.line, title: converted.input.title, start: converted.input.start, end: converted.input.end });
      if (existing) {
        summary.unchanged += 1;
        summary.tripIds.push(existing);
      } else {
        const stored = await repo.insert(converted.input);
        summary.created += 1;
        summary.tripIds.push(stored.id);
      }
    }
    await trx
      .insertInto('imported_documents')
      .values({ id: randomUUID(), document_hash: hash, document_name: name, imported_at: new Date().toISOString(), trips_created: summary.created, trips_unchanged: summary.unchanged })
      .execute();
  });
  return summary;
}
