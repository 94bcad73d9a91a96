import { useId, type ReactElement } from 'react';
import { cloneElement } from 'react';

export const controlClass =
  'h-9 w-full rounded-md border border-neutral-300 bg-white px-2.5 text-sm text-neutral-900 disabled:opacity-50 dark:border-neutral-600 dark:bg-neutral-800 dark:text-neutral-100';

interface FormFieldProps {
  label: string;
  /** One input or select; it gets the id, the description and aria-invalid. */
  children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>;
  error?: string;
  hint?: string;
}

/** A labelled control with its hint or its error (the server's message for this parameter) under it. */
export function FormField({ label, children, error, hint }: FormFieldProps) {
  const id = useId();
  const note = error ?? hint;
  return (
    <div className="space-y-1 text-sm">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {cloneElement(children, {
        id,
        'aria-describedby': note ? `${id}-note` : undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {note ? (
        <p
          id={`${id}-note`}
          className={error ? 'text-red-700 dark:text-red-300' : 'text-xs text-neutral-600 dark:text-neutral-400'}
        >
          {note}
        </p>
      ) : null}
    </div>
  );
}
