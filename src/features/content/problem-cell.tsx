import { TriangleAlert } from 'lucide-react';
import { shownText } from '@/lib/free-text';
import type { ItemError } from '@/lib/item-error';

interface ProblemCellProps {
  level: number;
  what: 'namespace' | 'group' | 'snapshot';
  error: ItemError;
}

/**
 * A namespace, group or snapshot the server sent that cannot be read, in its place in the tree: one line
 * (the tree's rows have one height), the whole sentence on hover.
 */
export function ProblemCell({ level, what, error }: ProblemCellProps) {
  const name = error.label === undefined ? '' : ` ${shownText(error.label, 80).text}`;
  const text = `Cannot show ${what}${name}: ${error.message}`;
  return (
    <div
      role="gridcell"
      aria-colspan={8}
      title={text}
      className="col-span-full flex min-w-0 items-center gap-1.5 text-xs text-red-800 dark:text-red-300"
      style={{ paddingLeft: `${level - 1 + 1.5}rem` }}
    >
      <TriangleAlert aria-hidden className="size-3.5 shrink-0" />
      <bdi className="truncate">{text}</bdi>
    </div>
  );
}
