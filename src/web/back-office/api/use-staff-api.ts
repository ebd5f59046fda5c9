import { useRead, type ReadState } from '#app/web/api/use-read.ts';
import { staffJson, type StaffApiError } from '#app/web/back-office/api/staff-api.ts';

/** State of one read. */
export type StaffState<T> = ReadState<T, StaffApiError>;

/** Reads `url` with the session (null: nothing to read) and re-reads on `reload`, keeping the last data on screen meanwhile. */
export function useStaffApi<T>(url: string | null): StaffState<T> & { reload(): void } {
  return useRead<T, StaffApiError>(url, (u, signal) => staffJson<T>('GET', u, { signal }), true);
}
