/** One field named by a 400 answer (`body.title`, `body.destinations.0.countryCode`). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** An error answer of the API, keeping the whole body: 400s name fields, 409s carry the current record. */
export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly issues: FieldIssue[],
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

const SAFE = new Set(['GET', 'HEAD']);

/** The session's CSRF token: the server echoes it in a readable cookie, and every write must repeat it. */
export function csrfToken(): string {
  const match = /(?:^|;\s*)ml_csrf=([^;]*)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : '';
}

interface RequestOptions {
  body?: unknown;
  /** Send the body as it is with this content type (an uploaded text document). */
  contentType?: string;
  signal?: AbortSignal;
}

/** Sends the request with the session cookie and, on writes, the CSRF header; answers the raw Response or throws StaffApiError. */
export async function staffFetch(method: string, url: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (!SAFE.has(method)) headers['x-csrf-token'] = csrfToken();
  let body: BodyInit | undefined;
  if (options.contentType) {
    headers['content-type'] = options.contentType;
    body = options.body as BodyInit;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(url, { method, headers, body: body ?? null, credentials: 'same-origin', signal: options.signal ?? null });
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : `HTTP ${res.status}`);
    const issues = Array.isArray(data.issues) ? (data.issues as FieldIssue[]) : [];
    throw new StaffApiError(res.status, typeof data.error === 'string' ? data.error : 'http', text('message'), text('messageZh'), issues, data);
  }
  return res;
}

/** A JSON request to the API; 204 answers resolve to null. */
export async function staffJson<T>(method: string, url: string, options: RequestOptions = {}): Promise<T> {
  const res = await staffFetch(method, url, options);
  if (res.status === 204) return null as T;
  return (await res.json()) as T;
}
