import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parsedDocument } from '#app/domain/import/parsed-document.ts';
import { decodeDocument, DocumentRejectedError, importDocument, MAX_DOCUMENT_BYTES, parseDocument } from '#app/import/import-document.ts';
import { requireRole } from '#app/server/auth/require-role.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import type { Store } from '#app/store/open-database.ts';

const documentQuery = z.object({ name: z.string().trim().min(1).max(200).default('upload.txt').describe('File name of the document, kept as the trips’ source') });

const importSummary = z.object({
  document: parsedDocument.shape.document,
  format: parsedDocument.shape.format,
  created: z.number().int().describe('Trips added'),
  updated: z.number().int().describe('Trips already stored whose imported values changed'),
  unchanged: z.number().int().describe('Trips already stored that the document did not change'),
  conflicts: z
    .array(
      z.object({
        tripId: z.string(),
        line: z.number().int(),
        title: z.string(),
        field: z.string().describe('Field edited by hand since the last import, e.g. title or budget.actual'),
        stored: z.unknown().describe('The value kept'),
        incoming: z.unknown().describe('What the document says'),
        lastImported: z.unknown().describe('What the last import wrote; null if the trip was entered by hand'),
      }),
    )
    .describe('Values edited by hand since the last import: kept, and listed here for review'),
  unstorable: z.array(z.object({ line: z.number().int(), title: z.string(), reason: z.string() })),
  warnings: parsedDocument.shape.warnings,
  findings: parsedDocument.shape.findings,
  tripIds: z.array(z.string()),
});

const ZH_REJECTION: Record<DocumentRejectedError['code'], string> = {
  empty: '檔案是空的，沒有可匯入的內容',
  binary: '檔案不是文字檔，請先轉出文字（例如 pdftotext）',
  'too-large': '檔案過大，請分割後再匯入',
  'no-trip-table': '檔案中找不到出國案一覽表',
};

function rejected(error: unknown): never {
  if (error instanceof DocumentRejectedError) {
    throw new HttpError(error.code === 'too-large' ? 413 : 400, `document-${error.code}`, error.message, ZH_REJECTION[error.code]);
  }
  throw error;
}

/** The uploaded document's bytes; other content types (JSON, forms) are refused with 415. */
function documentBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  throw new HttpError(415, 'unsupported-media-type', 'Send the document as text/plain (UTF-8) or application/octet-stream', '請以 text/plain（UTF-8）或 application/octet-stream 上傳文件');
}

/** Upload a report as text: parse it (dry run) or import it. */
export async function importRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const write = requireRole('secretariat');
  // Documents arrive as raw bytes so that non-UTF-8 and binary uploads get a clear answer.
  app.addContentTypeParser(['text/plain', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES + 1 }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/imports/parse', {
    bodyLimit: MAX_DOCUMENT_BYTES + 1,
    schema: {
      tags: ['imports'],
      summary: 'Parse a report (text/plain) and return the trips found, without storing anything',
      querystring: documentQuery,
      response: { 200: parsedDocument, 400: errorBody, 413: errorBody, 415: errorBody },
    },
    handler: async (request) => {
      try {
        const text = decodeDocument(documentBytes(request.body), request.query.name);
        return parseDocument(text, request.query.name);
      } catch (error) {
        return rejected(error);
      }
    },
  });

  r.post('/api/v1/imports', {
    preHandler: write,
    bodyLimit: MAX_DOCUMENT_BYTES + 1,
    schema: {
      tags: ['imports'],
      summary: 'Import a report (text/plain); trips already stored are not added again',
      security: [{ bearer: [] }],
      querystring: documentQuery,
      response: { 200: importSummary, 400: errorBody, 401: errorBody, 403: errorBody, 413: errorBody, 415: errorBody },
    },
    handler: async (request) => {
      try {
        const text = decodeDocument(documentBytes(request.body), request.query.name);
        return await importDocument(options.store, text, request.query.name);
      } catch (error) {
        return rejected(error);
      }
    },
  });
}
