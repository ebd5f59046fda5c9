import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** Body of every error answer: a stable code, an English and a Traditional Chinese message. */
export interface ErrorBody {
  error: string;
  message: string;
  messageZh: string;
  issues?: { field: string; message: string }[];
  [extra: string]: unknown;
}

/** An error a route raises on purpose, with its status and both messages. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const ZH_BY_STATUS: Record<number, string> = {
  400: '請求內容有誤',
  401: '需要登入或授權',
  403: '沒有執行此操作的權限',
  404: '找不到資料',
  409: '資料已被他人修改',
  413: '上傳內容過大',
  415: '不支援的內容格式',
  429: '請求過於頻繁，請稍後再試',
};

/** One error handler: validation → 400 naming the fields, known errors as raised, 5xx hidden. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      const body: ErrorBody = { error: error.code, message: error.message, messageZh: error.messageZh, ...error.extra };
      return reply.code(error.statusCode).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => {
        const field = [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.');
        return { field, message: v.message ?? 'invalid' };
      });
      const fields = [...new Set(issues.map((i) => i.field))].join(', ');
      const body: ErrorBody = {
        error: 'validation',
        message: `Invalid ${fields}: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
        messageZh: `欄位內容有誤：${fields}`,
        issues,
      };
      return reply.code(400).send(body);
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      const body: ErrorBody = { error: 'internal', message: 'Internal server error', messageZh: '伺服器發生錯誤' };
      return reply.code(status).send(body);
    }
    // Fastify's own 4xx (malformed JSON, body too large, unsupported media type) are safe to show,
    // and so are 4xx errors raised below the server layer that carry both messages (OutcomeRemovalRefusedError).
    const own = error as { messageZh?: unknown; extra?: unknown };
    const body: ErrorBody = {
      error: error.code ?? 'bad-request',
      message: error.message,
      messageZh: typeof own.messageZh === 'string' ? own.messageZh : (ZH_BY_STATUS[status] ?? '請求無法處理'),
      ...(own.extra && typeof own.extra === 'object' ? (own.extra as Record<string, unknown>) : {}),
    };
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = { error: 'not-found', message: `No route ${request.method} ${request.url}`, messageZh: '找不到此網址' };
    return reply.code(404).send(body);
  });
}
