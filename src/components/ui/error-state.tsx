import { TriangleAlert } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { cn } from './cn';

const TONES = {
  error: 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100',
  /** trouble the console is already working around (it retries by itself) */
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100',
};

interface ErrorStateProps {
  title: ReactNode;
  message?: ReactNode;
  /** A retry button or a link, whatever fits where the error is shown. */
  action?: ReactNode;
  className?: string;
  tone?: keyof typeof TONES;
  /** 'status' for a notice that is not news the user must hear at once */
  role?: 'alert' | 'status';
}

export function ErrorState({ title, message, action, className, tone = 'error', role = 'alert' }: ErrorStateProps) {
  const titleId = useId();
  return (
    <div
      role={role}
      // A status notice is found by its title; an alert is not named (its title is often a sentence, which would
      // then also name it for every label it quotes, "user name" in a failed login's)
      aria-labelledby={role === 'status' ? titleId : undefined}
      className={cn('flex items-start gap-2 rounded-md border p-3 text-sm', TONES[tone], className)}
    >
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        <p id={titleId} className="font-medium">
          {title}
        </p>
        {message ? <p className="mt-0.5 break-words">{message}</p> : null}
        {action ? <div className="mt-2">{action}</div> : null}
      </div>
    </div>
  );
}
