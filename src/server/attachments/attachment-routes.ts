import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '#app/server/auth/require-role.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import { AttachmentRejectedError, AttachmentStore, MAX_ATTACHMENT_BYTES } from '#app/store/attachments/attachment-store.ts';
import type { Store } from '#app/store/open-database.ts';

export const attachmentSchema = z.object({
  id: z.string(),
  sha256: z.string().describe('SHA-256 of the bytes, hex'),
  size: z.number().int(),
  kind: z.enum(['pdf', 'odt', 'ods', 'docx', 'xlsx', 'png', 'jpeg']),
  mediaType: z.string(),
  fileName: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

const idParams = z.object({ id: z.string().uuid() });

/** Content-Disposition that works for Chinese file names and cannot be used to inject headers. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Upload (staff) and download of attachments: post-trip reports, evidence of follow-ups. */
export async function attachmentRoutes(app: FastifyInstance, options: { store: Store; attachmentsDir: string }): Promise<void> {
  const files = new AttachmentStore(options.store.db as unknown as Kysely<unknown>, options.attachmentsDir);
  app.addContentTypeParser(['application/pdf', 'application/octet-stream', 'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet', 'image/png', 'image/jpeg'], { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1 }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/attachments', {
    preHandler: requireRole('clerk', 'secretariat'),
    bodyLimit: MAX_ATTACHMENT_BYTES + 1,
    schema: {
      tags: ['attachments'],
      summary: 'Upload a file (raw bytes); its type is judged from its content',
      security: [{ bearer: [] }],
      querystring: z.object({ name: z.string().trim().min(1).max(200).describe('Original file name, for display') }),
      response: { 201: attachmentSchema, 400: errorBody, 401: errorBody, 403: errorBody, 413: errorBody, 415: errorBody },
    },
    handler: async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new HttpError(415, 'unsupported-media-type', 'Send the file as raw bytes (application/octet-stream or its own type)', '請以檔案原始內容上傳');
      try {
        const stored = await files.put(request.body, request.query.name, request.principal?.userId ?? null);
        return reply.code(201).send(stored);
      } catch (error) {
        if (error instanceof AttachmentRejectedError) {
          throw new HttpError(error.code === 'too-large' ? 413 : error.code === 'type-not-allowed' ? 415 : 400, `attachment-${error.code}`, error.message, error.messageZh);
        }
        throw error;
      }
    },
  });

  r.get('/api/v1/attachments/:id', {
    schema: { tags: ['attachments'], summary: 'Download a file (404 with the error body when there is none)', params: idParams },
    handler: async (request, reply) => {
      const found = await files.read(request.params.id);
      if (!found) throw new HttpError(404, 'attachment-not-found', `No attachment ${request.params.id}`, '找不到附件');
      // The stored type was sniffed on upload; the sandbox CSP keeps a crafted file from running anything.
      return reply
        .type(found.attachment.mediaType)
        .header('content-disposition', contentDisposition(found.attachment.fileName))
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .header('etag', `"${found.attachment.sha256}"`)
        .send(found.bytes);
    },
  });

  r.get('/api/v1/attachments/:id/meta', {
    schema: { tags: ['attachments'], summary: 'A file’s name, type, size and checksum', params: idParams, response: { 200: attachmentSchema, 404: errorBody } },
    handler: async (request) => {
      const found = await files.describe(request.params.id);
      if (!found) throw new HttpError(404, 'attachment-not-found', `No attachment ${request.params.id}`, '找不到附件');
      // Who uploaded a file is staff information.
      return request.principal ? found : { ...found, createdBy: null };
    },
  });
}
