import { ChevronDown, ChevronRight } from 'lucide-react';

/** Indentation and the open/closed mark of a tree row; the row itself handles clicks and keys. */
export function TreeIndent({ level, expanded }: { level: number; expanded?: boolean }) {
  return (
    <>
      <span aria-hidden className="shrink-0" style={{ width: `calc(${level - 1} * var(--tree-indent, 1rem))` }} />
      <span aria-hidden className="flex size-4 shrink-0 items-center justify-center text-neutral-500">
        {expanded === undefined ? null : expanded ? (
          <ChevronDown className="size-4" />
        ) : (
          <ChevronRight className="size-4" />
        )}
      </span>
    </>
  );
}
