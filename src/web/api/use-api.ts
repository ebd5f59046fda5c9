import { useRead, type ReadState } from '#app/web/api/use-read.ts';

/** An error answer of the API, with both messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

/** Fetches JSON from the API; a non-2xx answer becomes an ApiError carrying the server's messages. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal: signal ?? null, headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string; messageZh?: string };
    throw new ApiError(res.status, body.message ?? `HTTP ${res.status}`, body.messageZh ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

/** State of one API read. */
export type ApiState<T> = ReadState<T, ApiError>;

/** Reads `url` (null: nothing to read yet) and re-reads when it changes; `reload` tries again after a failure. */
export function useApi<T>(url: string | null): ApiState<T> & { reload(): void } {
  return useRead<T, ApiError>(url, (u, signal) => fetchJson<T>(u, signal));
}
