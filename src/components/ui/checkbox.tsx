import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { cn } from './cn';

interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  /** a hint under the label; it describes the box without becoming part of its name */
  description?: ReactNode;
}

/** A checkbox with its label beside it (a click on the label toggles it) and an optional hint. */
export function Checkbox({ label, description, className, ...input }: CheckboxProps) {
  const id = useId();
  return (
    <div className={cn('flex items-start gap-2 text-sm', className)}>
      <input
        type="checkbox"
        id={id}
        className="mt-0.5 disabled:cursor-not-allowed"
        aria-describedby={description ? `${id}-description` : undefined}
        {...input}
      />
      <div>
        <label htmlFor={id} className={input.disabled ? 'opacity-60' : undefined}>
          {label}
        </label>
        {description ? (
          <p id={`${id}-description`} className="text-xs text-neutral-600 dark:text-neutral-400">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
