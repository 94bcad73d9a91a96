import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { cn } from './cn';
import { FieldNote } from './field-note';

interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  /** a hint under the label; it describes the box without becoming part of its name */
  description?: ReactNode;
  /** what is wrong with the choice; while it stands it takes the description's place */
  error?: ReactNode;
}

/** A checkbox with its label beside it (a click on the label toggles it) and an optional hint. */
export function Checkbox({ label, description, error, className, ...input }: CheckboxProps) {
  const id = useId();
  const noted = Boolean(error || description);
  return (
    <div className={cn('flex items-start gap-2 text-sm', className)}>
      <input
        type="checkbox"
        id={id}
        className="mt-0.5 disabled:cursor-not-allowed"
        aria-describedby={noted ? `${id}-note` : undefined}
        aria-invalid={error ? true : undefined}
        {...input}
      />
      <div>
        <label htmlFor={id} className={input.disabled ? 'opacity-60' : undefined}>
          {label}
        </label>
        <FieldNote id={`${id}-note`} error={error} description={description} />
      </div>
    </div>
  );
}
