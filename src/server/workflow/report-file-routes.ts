import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReportFileInfo } from '#app/domain/post-trip-report/post-trip-report-schema.ts';
import { applyTripPatch } from '#app/domain/trips/apply-trip-patch.ts';
import { trip } from '#app/domain/trips/trip-schema.ts';
import { lockedFields } from '#app/domain/workflow/editable-fields.ts';
import { auditChange } from '#app/server/audit/audit-change.ts';
import { requireRole } from '#app/server/auth/require-role.ts';
import { assertOwnAgency, canSeeTrip } from '#app/server/auth/trip-access.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody, tripIdParams } from '#app/server/trips/trip-payloads.ts';
import { staleTrip, tripNotFound } from '#app/server/workflow/trip-transition.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { ReportFileRepository } from '#app/store/workflow/report-file-repository.ts';

const ODT = 'application/vnd.oasis.opendocument.text';
const PDF = 'application/pdf';
const MAX_REPORT_BYTES = 30 * 1024 * 1024;

/** The media type the bytes really are (PDF or ODF text), whatever the upload claimed. */
export function sniffReportType(bytes: Buffer): ReportFileInfo['mediaType'] | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  // An ODF package is a zip whose first entry, stored uncompressed, is `mimetype` with the type.
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && bytes.subarray(30, 38).toString('latin1') === 'mimetype' && bytes.subarray(38, 38 + ODT.length).toString('latin1') === ODT) return ODT;
  return null;
}

/** Upload and download the post-trip report file (ODF or PDF). */
export async function reportFileRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const { store } = options;
  app.addContentTypeParser([PDF, ODT, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_REPORT_BYTES }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put('/api/v1/trips/:id/report/file', {
    preHandler: requireRole('clerk', 'secretariat'),
    bodyLimit: MAX_REPORT_BYTES,
    schema: {
      tags: ['workflow'],
      summary: 'Upload the post-trip report file (application/pdf or application/vnd.oasis.opendocument.text)',
      security: [{ bearer: [] }],
      params: tripIdParams,
      querystring: z.object({ name: z.string().trim().min(1).max(300).default('report'), version: z.coerce.number().int().positive().describe('Version of the trip') }),
      response: { 200: trip, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
    },
    handler: async (request) => {
      const principal = request.principal!;
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new HttpError(400, 'validation', 'Invalid body: send the report file itself', '欄位內容有誤：body（請上傳出國報告檔案）');
      const mediaType = sniffReportType(bytes);
      if (!mediaType) throw new HttpError(415, 'not-odf-or-pdf', 'The report must be an ODF text document (.odt) or a PDF', '出國報告須為 ODF 文字文件（.odt）或 PDF');
      const info: ReportFileInfo = { name: request.query.name, mediaType, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      return store.db.transaction().execute(async (trx) => {
        const trips = new TripRepository(trx);
        const current = await trips.get(request.params.id);
        if (!current || !canSeeTrip(principal, current)) throw tripNotFound(request.params.id);
        assertOwnAgency(principal, current.organisingAgency);
        if (lockedFields(current.lifecycleState, ['report']).length) throw new HttpError(409, 'locked-by-state', `The report cannot change while the trip is ${current.lifecycleState}`, '出國案目前狀態下不能修改出國報告');
        if (!current.report) throw new HttpError(409, 'no-report', 'Enter the report details (PATCH the trip with report) before uploading its file', '請先填寫出國報告資料，再上傳檔案');
        const report = { ...current.report, file: info };
        const result = await trips.update(current.id, { version: request.query.version }, (t) => ({ ...applyTripPatch(t, { version: t.version }), report }));
        if (result.kind === 'not-found') throw tripNotFound(request.params.id);
        if (result.kind === 'conflict') throw staleTrip(request.query.version, result.current);
        await new ReportFileRepository(trx).put(current.id, info, bytes, principal.userId, new Date().toISOString());
        await new AuditLog(trx).append(auditChange(principal, 'trip', current.id, 'report-file', { file: current.report.file }, { file: info }));
        return result.trip;
      });
    },
  });

  r.get('/api/v1/trips/:id/report/file', {
    schema: { tags: ['workflow'], summary: 'Download the post-trip report file (public once the trip is published)', params: tripIdParams },
    handler: async (request, reply) => {
      const found = await new TripRepository(store.db).get(request.params.id);
      if (!found || !canSeeTrip(request.principal, found)) throw tripNotFound(request.params.id);
      const file = await new ReportFileRepository(store.db).get(found.id);
      if (!file) throw new HttpError(404, 'no-report-file', 'This trip has no report file yet', '此出國案尚未上傳出國報告檔案');
      const ascii = file.info.name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
      return reply
        .type(file.info.mediaType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.info.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  });
}
