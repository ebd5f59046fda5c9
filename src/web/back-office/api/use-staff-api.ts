import { useCallback, useEffect, useState } from 'react';
import { staffJson, StaffApiError } from '#app/web/back-office/api/staff-api.ts';

/** State of one read. */
export type StaffState<T> = { status: 'loading' } | { status: 'error'; error: StaffApiError | Error } | { status: 'ok'; data: T };

/** Reads `url` with the session (null: nothing to read) and re-reads on `reload`. */
export function useStaffApi<T>(url: string | null): StaffState<T> & { reload(): void } {
  const [state, setState] = useState<StaffState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    setState((s) => (s.status === 'ok' ? s : { status: 'loading' }));
    staffJson<T>('GET', url, { signal: controller.signal }).then(
      (data) => setState({ status: 'ok', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [url, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
