import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

/** Shown while snapshots are selected: how many, the bulk actions, and a way out. */
export function SelectionBar({
  count,
  onClear,
  children,
}: {
  count: number;
  onClear: () => void;
  children: ReactNode;
}) {
  return (
    <section
      aria-label="Selected snapshots"
      className="flex flex-wrap items-center gap-2 rounded-md border border-accent-200 bg-accent-50 px-3 py-2 text-sm dark:border-accent-800 dark:bg-accent-950/40"
    >
      <span role="status" className="font-medium">
        {count} snapshot{count === 1 ? '' : 's'} selected
      </span>
      {children}
      <Button size="sm" variant="ghost" onClick={onClear} className="ml-auto">
        Clear selection
      </Button>
    </section>
  );
}
