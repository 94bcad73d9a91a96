import { useCallback, useMemo, useState } from 'react';
import type { SnapshotItem } from '@/api/schemas/content';
import type { OpenGroup } from './use-content-tree';
import { parseGroupKey } from './url-state';

export interface Selection {
  /** the namespace the selected snapshots are in (bulk actions work on one) */
  ns: string;
  items: ReadonlyMap<string, SnapshotItem>;
}

const EMPTY: Selection = { ns: '', items: new Map() };

/** Which rows are open and which snapshots are selected: the tree's own state, not the URL's. */
export function useTreeState() {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [selection, setSelection] = useState<Selection>(EMPTY);

  const setOpen = useCallback((key: string, open: boolean) => {
    setExpanded((prev) => {
      if (prev.has(key) === open) return prev;
      const next = new Set(prev);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const toggleSelected = useCallback((key: string, ns: string, snapshot: SnapshotItem) => {
    setSelection((prev) => {
      // a selection spans one namespace: starting one elsewhere starts afresh
      const items = new Map(prev.ns === ns ? prev.items : []);
      if (items.has(key)) items.delete(key);
      else items.set(key, snapshot);
      return { ns, items };
    });
  }, []);

  const clearSelection = useCallback(() => setSelection(EMPTY), []);

  const openNamespaces = useMemo(
    () => [...expanded].filter((k) => k.startsWith('n:')).map((k) => k.slice(2)),
    [expanded],
  );
  const openGroups = useMemo(
    () =>
      [...expanded].flatMap((key): OpenGroup[] => {
        const g = parseGroupKey(key);
        return g ? [{ key, ...g }] : [];
      }),
    [expanded],
  );

  return { expanded, setOpen, selection, toggleSelected, clearSelection, openNamespaces, openGroups };
}
