import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return (
    <section
      className={cn(
        'rounded-lg border border-neutral-200 bg-white p-4 shadow-xs dark:border-neutral-700 dark:bg-neutral-900',
        className,
      )}
      {...props}
    />
  );
}

interface CardHeaderProps {
  title: ReactNode;
  /** Heading level, so pages keep their headings in order. */
  level?: 2 | 3;
  actions?: ReactNode;
  id?: string;
}

export function CardHeader({ title, level = 2, actions, id }: CardHeaderProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
      <Heading id={id} className="truncate text-base font-semibold text-neutral-900 dark:text-neutral-100">
        {title}
      </Heading>
      {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
    </div>
  );
}
