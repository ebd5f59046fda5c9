import { FormField, describedBy } from '#app/web/back-office/trips/form-field.tsx';
import { isoOfTyped } from '#app/web/back-office/trips/trip-draft.ts';
import { useBackOfficeText } from '#app/web/back-office/i18n/use-back-office-text.ts';

/** A date typed the way documents write it (107/4/10); the ISO date it means is shown beside it as one types. */
export function RocDateField({ id, label, value, onChange, errors, disabled }: { id: string; label: string; value: string; onChange(v: string): void; errors?: string[] | undefined; disabled?: boolean }) {
  const bt = useBackOfficeText();
  const iso = isoOfTyped(value);
  return (
    <FormField
      id={id}
      label={label}
      errors={errors}
      hint={
        <>
          {bt('rocDateHint')}{' '}
          <output htmlFor={id} className="roc-date-iso" data-iso={iso ?? ''}>
            {value.trim() === '' ? '' : iso ? bt('rocDateIs', { iso }) : bt('rocDateUnreadable')}
          </output>
        </>
      }
    >
      <input
        id={id}
        name={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        disabled={disabled}
        placeholder="107/4/10"
        maxLength={20}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, true, errors)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormField>
  );
}
