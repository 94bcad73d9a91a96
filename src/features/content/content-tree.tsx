import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { col, ROW_HEIGHT, rowGrid } from './row-layout';
import { treeKeyAction, type TreeAction } from './tree-keys';
import { TreeRowView } from './tree-row';
import type { TreeRow } from './tree-rows';
import { useRowWidgets } from './use-row-widgets';

interface ContentTreeProps {
  label: string;
  rows: readonly TreeRow[];
  /** expand (true) or collapse (false) a namespace, group or snapshot row */
  onExpand: (row: TreeRow, expand: boolean) => void;
  /** a snapshot (or one of its files) asked for its detail */
  onOpen: (row: TreeRow) => void;
  onToggleSelect: (row: TreeRow) => void;
  isSelected: (key: string) => boolean;
  detailKey: string | null;
}

/**
 * The content as an ARIA treegrid: one focusable row at a time (roving tabindex), arrow keys as in the
 * WAI-ARIA treegrid pattern, and only the rows in view (plus a few) in the document.
 */
export function ContentTree({
  label,
  rows,
  onExpand,
  onOpen,
  onToggleSelect,
  isSelected,
  detailKey,
}: ContentTreeProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const focusPending = useRef(false);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read on each render, never memoized
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  useRowWidgets(scrollRef);

  // The active row may vanish (collapsed parent, filter): fall back to the nearest row that still exists.
  const found = activeKey === null ? -1 : rows.findIndex((r) => r.key === activeKey);
  const activeIndex = found >= 0 ? found : rows.length > 0 ? 0 : -1;
  const activeRowKey = rows[activeIndex]?.key ?? null;

  const focusIndex = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      focusPending.current = true;
      setActiveKey(row.key);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [rows, virtualizer],
  );

  // Focus follows the active row once it is rendered (it may be scrolled into view first).
  useLayoutEffect(() => {
    if (!focusPending.current || activeRowKey === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-key="${CSS.escape(activeRowKey)}"]`);
    if (el) {
      focusPending.current = false;
      el.focus({ preventScroll: true });
    }
  });

  function run(action: TreeAction) {
    if (action.type === 'focus') focusIndex(action.index);
    else if (action.type === 'expand') onExpand(action.row, true);
    else if (action.type === 'collapse') onExpand(action.row, false);
    else if (action.type === 'open') onOpen(action.row);
    else onToggleSelect(action.row);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'row' || e.altKey || e.metaKey) return;
    const action = treeKeyAction(e.key, rows, activeIndex);
    if (!action) return;
    e.preventDefault();
    run(action);
  }

  function onClick(e: MouseEvent<HTMLDivElement>) {
    const target = e.target as HTMLElement;
    const rowEl = target.closest<HTMLElement>('[role="row"][data-key]');
    if (!rowEl) return;
    const index = rows.findIndex((r) => r.key === rowEl.dataset.key);
    const row = rows[index];
    if (!row) return;
    setActiveKey(row.key);
    // clicks on a row's own buttons and links are theirs
    const widget = target.closest('button, a, input, select, textarea, [role="menu"], [role="dialog"]');
    if (widget && rowEl.contains(widget)) return;
    if (target.closest('[data-select-toggle]')) onToggleSelect(row);
    else if (row.kind === 'snapshot' || row.kind === 'file') onOpen(row);
    else if (row.expanded !== undefined) onExpand(row, !row.expanded);
  }

  function onFocus(e: React.FocusEvent<HTMLDivElement>) {
    const key = (e.target as HTMLElement).closest<HTMLElement>('[role="row"][data-key]')?.dataset.key;
    if (key && key !== activeKey) setActiveKey(key);
  }

  const items = virtualizer.getVirtualItems();
  return (
    <div
      role="treegrid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={8}
      aria-multiselectable
      className="@container flex min-h-0 flex-col rounded-md border border-neutral-200 bg-white dark:border-neutral-700 dark:bg-neutral-900"
    >
      <div
        role="rowgroup"
        className="border-b border-neutral-200 bg-neutral-50 text-xs font-medium text-neutral-700 dark:border-neutral-700 dark:bg-neutral-800 dark:text-neutral-300"
      >
        <div role="row" aria-rowindex={1} className={cn(rowGrid, 'h-8')}>
          <div role="columnheader" className={cn(col.name, 'pl-5')}>
            Name
          </div>
          <div role="columnheader" className={col.guest}>
            Guest / comment
          </div>
          <div role="columnheader" className={col.size}>
            Count / size
          </div>
          <div role="columnheader" className={col.age}>
            Last backup
          </div>
          <div role="columnheader" className={col.verify}>
            Verify
          </div>
          <div role="columnheader" className={col.encryption}>
            Encryption
          </div>
          <div role="columnheader" className={col.owner}>
            Owner
          </div>
          <div role="columnheader" className={col.actions}>
            <span className="sr-only">Actions</span>
          </div>
        </div>
      </div>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- keys and clicks of the rows inside, delegated */}
      <div
        ref={scrollRef}
        role="rowgroup"
        className="h-[min(70vh,44rem)] min-h-48 overflow-y-auto overscroll-contain [--tree-indent:0.5rem] @lg:[--tree-indent:1rem]"
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocus={onFocus}
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <TreeRowView
                key={row.key}
                row={row}
                index={item.index}
                top={item.start}
                active={row.key === activeRowKey}
                selected={row.kind === 'snapshot' ? isSelected(row.key) : undefined}
                detail={row.key === detailKey}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
