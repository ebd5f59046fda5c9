import type { ReactNode } from 'react';

/** Errors of the form, by API field path without `body.` (title, destinations.0.countryCode). */
export type FieldErrors = ReadonlyMap<string, string[]>;

/** aria-describedby for an input: its hint and its error, when they exist. */
export function describedBy(id: string, hint: boolean, errors: string[] | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, input, hint and the server's error message right next to the input. */
export function FormField({ id, label, hint, errors, wide, children }: { id: string; label: string; hint?: ReactNode; errors?: string[] | undefined; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`field${wide ? ' field-wide' : ''}${errors?.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join('；')}
        </p>
      ) : null}
    </div>
  );
}
