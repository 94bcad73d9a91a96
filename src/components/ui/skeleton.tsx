import { cn } from './cn';

export function Skeleton({ className, label = 'Loading…' }: { className?: string; label?: string }) {
  return (
    <div role="status" className={cn('animate-pulse rounded bg-neutral-200 dark:bg-neutral-800', className)}>
      <span className="sr-only">{label}</span>
    </div>
  );
}
