import type { ReactNode } from 'react';
import { cn } from './cn';

export function FigureList({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={cn('grid gap-y-1 text-sm', className)}>{children}</dl>;
}

/** One labelled figure of a card; `children` is the value (use <Unknown> when the server did not say). */
export function Figure({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3">
      <dt className="text-neutral-600 dark:text-neutral-400">{label}</dt>
      <dd className="text-right font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** Says plainly that a figure is not known, instead of a blank or a made-up zero. */
export function Unknown({ children = 'unknown', title }: { children?: ReactNode; title?: string }) {
  return (
    <span className="font-normal text-neutral-600 italic dark:text-neutral-400" title={title}>
      {children}
    </span>
  );
}
