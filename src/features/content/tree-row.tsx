import { memo } from 'react';
import { cn } from '@/components/ui/cn';
import { FileCells } from './file-cells';
import { GroupCells } from './group-cells';
import { NsCells } from './ns-cells';
import { ROW_HEIGHT, rowGrid } from './row-layout';
import { SnapshotCells } from './snapshot-cells';
import { ProblemCell } from './problem-cell';
import type { TreeRow } from './tree-rows';

interface TreeRowViewProps {
  row: TreeRow;
  index: number;
  active: boolean;
  /** undefined for rows that cannot be selected */
  selected: boolean | undefined;
  detail: boolean;
  /** offset from the top of the scrolled list, px */
  top: number;
}

function TreeRowViewImpl({ row, index, active, selected, detail, top }: TreeRowViewProps) {
  return (
    <div
      role="row"
      data-key={row.key}
      aria-level={row.level}
      aria-posinset={row.posinset}
      aria-setsize={row.setsize}
      aria-rowindex={index + 2}
      {...(row.expanded !== undefined && { 'aria-expanded': row.expanded })}
      {...(selected !== undefined && { 'aria-selected': selected })}
      {...(detail && { 'aria-current': true })}
      tabIndex={active ? 0 : -1}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      className={cn(
        rowGrid,
        'absolute inset-x-0 top-0 cursor-default border-b border-neutral-100 text-sm outline-none dark:border-neutral-800',
        'hover:bg-neutral-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-accent-600 dark:hover:bg-neutral-800/60',
        selected && 'bg-accent-50 dark:bg-accent-950/50',
        detail && 'bg-accent-100 dark:bg-accent-900/50',
      )}
    >
      {row.kind === 'ns' ? (
        <NsCells level={row.level} expanded={row.expanded ?? false} name={row.name} ns={row.ns} />
      ) : null}
      {row.kind === 'group' ? (
        <GroupCells
          rowKey={row.key}
          level={row.level}
          expanded={row.expanded ?? false}
          ns={row.ns}
          group={row.group}
          matches={row.matches}
        />
      ) : null}
      {row.kind === 'snapshot' ? (
        <SnapshotCells
          rowKey={row.key}
          level={row.level}
          expanded={row.expanded ?? false}
          ns={row.ns}
          snapshot={row.snapshot}
        />
      ) : null}
      {row.kind === 'file' ? <FileCells level={row.level} file={row.file} /> : null}
      {row.kind === 'problem' ? <ProblemCell level={row.level} what={row.what} error={row.error} /> : null}
      {row.kind === 'status' ? (
        <div
          role="gridcell"
          aria-colspan={8}
          className={cn(
            'col-span-full truncate text-xs',
            row.status === 'error' ? 'text-red-800 dark:text-red-300' : 'text-neutral-600 dark:text-neutral-400',
          )}
          style={{ paddingLeft: `${row.level - 1 + 1.5}rem` }}
        >
          {row.text}
        </div>
      ) : null}
    </div>
  );
}

/** One row of the content treegrid; memoized, since scrolling re-renders the list of rows. */
export const TreeRowView = memo(TreeRowViewImpl);
