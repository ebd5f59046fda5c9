import { createHash, randomUUID } from 'node:crypto';
import { parseCouncilReport } from '#app/domain/import/council-report-parser.ts';
import { overlapFindings, type DatedTrip } from '#app/domain/import/data-quality-findings.ts';
import { importedValuesOf, mergeImportedValues, withImportedValues, type FieldConflict } from '#app/domain/import/import-merge.ts';
import type { ImportWarning, ParsedDocument } from '#app/domain/import/parsed-document.ts';
import { parsedTripToInput, type UnstorableTrip } from '#app/domain/import/parsed-trip-to-input.ts';
import { applyTripPatch } from '#app/domain/trips/apply-trip-patch.ts';
import type { TripPatch } from '#app/domain/trips/trip-schema.ts';
import { ImportSnapshotRepository } from '#app/store/imports/import-snapshot-repository.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { proposeOutcomes } from '#app/store/outcomes/outcome-proposer.ts';

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

/** A hand edit the import kept although the document says otherwise, with the trip it belongs to. */
export interface ImportConflict extends FieldConflict {
  tripId: string;
  line: number;
  title: string;
}

/** Summary of one import: what was added, updated, left alone, kept against the document, or not stored. */
export interface ImportSummary {
  document: ParsedDocument['document'];
  format: ParsedDocument['format'];
  created: number;
  updated: number;
  unchanged: number;
  conflicts: ImportConflict[];
  unstorable: UnstorableTrip[];
  warnings: ImportWarning[];
  findings: ImportWarning[];
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
 * Stores the trips of a document in one transaction. A trip already stored (same source row,
 * or same title and dates) is updated rather than added again: fields still as the last import
 * left them take the document's values, fields edited by hand since are kept and reported as
 * conflicts. Each stored trip gets a snapshot of what this import said, for the next import.
 */
export async function importDocument(store: Store, text: string, name: string): Promise<ImportSummary> {
  const parsed = parseDocument(text, name);
  if (parsed.trips.length === 0) {
    throw new DocumentRejectedError('no-trip-table', `${name} has no trip table: ${parsed.warnings.map((w) => w.message).join('; ')}`);
  }
  const hash = parsed.document.sha256 ?? documentHash(text);
  const summary: ImportSummary = {
    document: parsed.document,
    format: parsed.format,
    created: 0,
    updated: 0,
    unchanged: 0,
    conflicts: [],
    unstorable: [],
    warnings: parsed.warnings,
    findings: [...parsed.findings],
    tripIds: [],
  };
  const at = new Date().toISOString();
  await store.db.transaction().execute(async (trx) => {
    const repo = new TripRepository(trx);
    const snapshots = new ImportSnapshotRepository(trx);
    const lineOfTrip = new Map<string, number>();
    const documentTrips: DatedTrip[] = [];
    for (const trip of parsed.trips) {
      const converted = parsedTripToInput(trip, { document: name, documentHash: hash });
      if (!converted.ok) {
        summary.unstorable.push(converted.problem);
        continue;
      }
      const input = converted.input;
      const line = trip.source.line;
      const existing =
        (await repo.findImported({ documentHash: hash, line, title: input.title, start: input.start, end: input.end })) ??
        (await snapshots.findByImportedTitleAndDates(input)) ??
        (await snapshots.findBySourceRow({ documentName: name, line, title: input.title, start: input.start }));
      if (existing !== undefined && lineOfTrip.has(existing)) {
        summary.unstorable.push({ line, title: input.title, reason: `the same trip as line ${lineOfTrip.get(existing)} of this document (same title and dates); listed once` });
        continue;
      }
      const incoming = importedValuesOf(input);
      let id: string;
      if (existing === undefined) {
        id = (await repo.insert(input)).id;
        summary.created += 1;
      } else {
        id = existing;
        const current = await repo.get(id);
        if (!current) throw new Error(`trip ${id} vanished during the import`);
        const merge = mergeImportedValues(importedValuesOf(current), await snapshots.get(id), incoming);
        for (const conflict of merge.conflicts) summary.conflicts.push({ ...conflict, tripId: id, line, title: current.title });
        const sourceMoved = JSON.stringify(current.source) !== JSON.stringify(input.source);
        if (merge.updated.length > 0 || sourceMoved) {
          const patch = { version: current.version } as TripPatch;
          const result = await repo.update(id, patch, (stored, p) => ({ ...withImportedValues(applyTripPatch(stored, p), merge.next), source: input.source }));
          if (result.kind !== 'updated') throw new Error(`trip ${id} changed during the import; import the document again`);
        }
        if (merge.updated.length > 0) summary.updated += 1;
        else summary.unchanged += 1;
      }
      await snapshots.put(id, incoming, { documentHash: hash, documentName: name, line, at });
      lineOfTrip.set(id, line);
      summary.tripIds.push(id);
      documentTrips.push({ title: input.title, start: input.start, end: input.end, people: input.members.map((m) => m.name), line, id });
    }

    // Overlaps with trips already stored; overlaps inside the document are in the parse findings.
    if (documentTrips.length > 0) {
      const starts = documentTrips.map((t) => t.start as string).sort();
      const ends = documentTrips.map((t) => t.end as string).sort();
      const stored = (await snapshots.tripsBetween(starts[0] as string, ends[ends.length - 1] as string))
        .filter((t) => !lineOfTrip.has(t.id))
        .map((t): DatedTrip => ({ ...t, line: null }));
      for (const finding of overlapFindings([...documentTrips, ...stored], { againstStoredOnly: true })) summary.findings.push(finding);
    }
    // Proposals (type, themes, counterparties, dated follow-ups) for outcome items not seen before.
    await proposeOutcomes(trx, summary.tripIds, { onlyNew: true });
    await trx
      .insertInto('imported_documents')
      .values({ id: randomUUID(), document_hash: hash, document_name: name, imported_at: at, trips_created: summary.created, trips_unchanged: summary.unchanged + summary.updated })
      .execute();
  });
  return summary;
}
