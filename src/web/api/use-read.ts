import { useCallback, useEffect, useRef, useState } from 'react';

/** State of one read: loading, failed, or the data. */
export type ReadState<T, E extends Error = Error> = { status: 'loading' } | { status: 'error'; error: E | Error } | { status: 'ok'; data: T };

/**
 * Reads `url` with `read` (null: nothing to read yet), again when the URL changes and on `reload`;
 * a read overtaken by a newer one is aborted and its answer dropped. With `keepWhileReloading`
 * the last data stays on screen while a re-read runs (forms), otherwise the state goes back to loading.
 */
export function useRead<T, E extends Error = Error>(url: string | null, read: (url: string, signal: AbortSignal) => Promise<T>, keepWhileReloading = false): ReadState<T, E> & { reload(): void } {
  const [state, setState] = useState<ReadState<T, E>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The reader is a module-level function in practice; a ref keeps it out of the effect's dependencies.
  const reader = useRef(read);
  reader.current = read;
  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    setState((s) => (keepWhileReloading && s.status === 'ok' ? s : { status: 'loading' }));
    reader.current(url, controller.signal).then(
      (data) => setState({ status: 'ok', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [url, attempt, keepWhileReloading]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
