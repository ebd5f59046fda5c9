import { useEffect, useRef, useState } from 'react';
import { StaffApiError, type FieldIssue } from '#app/web/back-office/api/staff-api.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';
import { useErrorText } from '#app/web/back-office/layout/staff-load-state.tsx';
import { errorMap } from '#app/web/back-office/outcomes/outcome-model.ts';

/** What went wrong with a write: a general message and the fields a 400 named. */
export interface WriteErrors {
  general: string | null;
  issues: FieldIssue[];
}

/** Turns an API error into the summary's message: 403 says plainly that the role may not do it. */
export function useWriteErrors() {
  const bt = useBackOfficeText();
  const errorText = useErrorText();
  const [errors, setErrors] = useState<WriteErrors>({ general: null, issues: [] });
  return {
    errors,
    fields: errorMap(errors.issues),
    clear: () => setErrors({ general: null, issues: [] }),
    fail: (e: unknown) => {
      const issues = e instanceof StaffApiError ? e.issues : [];
      const general = e instanceof StaffApiError && e.status === 403 ? bt('forbiddenAction', { message: errorText(e) }) : bt('errorGeneral', { message: errorText(e) });
      setErrors({ general, issues });
    },
    setGeneral: (general: string) => setErrors({ general, issues: [] }),
  };
}

/** The summary above a form, as the trip form shows it: the message and a link to each named field. */
export function ErrorSummary({ errors, inputId }: { errors: WriteErrors; inputId(field: string): string }) {
  const bt = useBackOfficeText();
  const box = useRef<HTMLDivElement>(null);
  const { general, issues } = errors;
  useEffect(() => {
    if (general || issues.length) box.current?.focus();
  }, [general, issues]);
  if (!general && !issues.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box}>
      {general && <p>{general}</p>}
      {issues.length > 0 && (
        <>
          <p>{bt('errorSummary', { n: issues.length })}</p>
          <ul>
            {issues.map((i) => {
              const field = i.field.replace(/^body\.?/, '').replace(/ \(.*\)$/, '');
              return (
                <li key={`${i.field}-${i.message}`}>
                  <a href={`#${inputId(field)}`}>{field}</a>：{i.message}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
