import type { ReactNode } from 'react';
import { cn } from './cn';

/** The line under a control: its error while one stands, else its description; `id` is what the control's aria-describedby names. */
export function FieldNote({ id, error, description }: { id: string; error?: ReactNode; description?: ReactNode }) {
  const note = error || description;
  return note ? (
    <p
      id={id}
      className={cn('text-xs', error ? 'text-red-700 dark:text-red-300' : 'text-neutral-600 dark:text-neutral-400')}
    >
      {note}
    </p>
  ) : null;
}
