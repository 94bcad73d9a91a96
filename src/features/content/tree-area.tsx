import { useCallback, useMemo } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import type { ContentPermissions } from './actions/permissions';
import type { SnapshotMatcher } from './content-filters';
import { contentErrorText } from './content-error';
import { ContentTree } from './content-tree';
import { sortedSnapshots, type SnapshotFacts } from './snapshot-facts';
import { TreeContext, type TreeContextValue } from './tree-context';
import { flattenTree, type TreeRow } from './tree-rows';
import { formatDetail } from './url-state';
import type { ContentData } from './use-content-tree';
import type { useTreeState } from './use-tree-state';

interface TreeAreaProps {
  store: string;
  ns: string;
  data: ContentData;
  state: ReturnType<typeof useTreeState>;
  input: { q: string; matcher: SnapshotMatcher | null; facts: ReadonlyMap<string, SnapshotFacts> };
  permissions: ContentPermissions;
  now: number;
  /** the search is still loading groups or snapshot lists */
  searching: boolean;
  detailKey: string | null;
  onOpenDetail: (detail: string) => void;
}

/** The tree, or what stands in its place: an error, a skeleton, or an empty state. */
export function TreeArea({
  store,
  ns,
  data,
  state,
  input,
  permissions,
  now,
  searching,
  detailKey,
  onOpenDetail,
}: TreeAreaProps) {
  const { q, matcher, facts } = input;
  const rows = useMemo(
    () =>
      flattenTree({
        ns,
        namespaces: data.namespaces,
        groups: data.groups,
        groupErrors: data.groupErrors,
        snapshots: data.snapshots,
        snapshotErrors: data.snapshotErrors,
        namespaceProblems: data.namespaceProblems,
        groupProblems: data.groupProblems,
        snapshotProblems: data.snapshotProblems,
        facts,
        expanded: state.expanded,
        q,
        matcher,
      }),
    [
      ns,
      data.namespaces,
      data.groups,
      data.groupErrors,
      data.snapshots,
      data.snapshotErrors,
      data.namespaceProblems,
      data.groupProblems,
      data.snapshotProblems,
      facts,
      state.expanded,
      q,
      matcher,
    ],
  );
  const { selection, toggleSelected, setOpen } = state;
  const context = useMemo<TreeContextValue>(
    () => ({
      store,
      permissions,
      q,
      now,
      factsOf: (key) => {
        const loaded = data.snapshots.get(key);
        return loaded ? sortedSnapshots(loaded).facts : facts.get(key);
      },
      isSelected: (key) => selection.items.has(key),
      detailKey,
    }),
    [store, permissions, q, now, data.snapshots, facts, selection, detailKey],
  );
  const onExpand = useCallback((row: TreeRow, open: boolean) => setOpen(row.key, open), [setOpen]);
  const onOpen = useCallback(
    (row: TreeRow) => {
      if (row.kind !== 'snapshot' && row.kind !== 'file') return;
      const s = row.snapshot;
      onOpenDetail(formatDetail({ ns: row.ns, type: s['backup-type'], id: s['backup-id'], time: s['backup-time'] }));
    },
    [onOpenDetail],
  );
  const onToggleSelect = useCallback(
    (row: TreeRow) => {
      if (row.kind === 'snapshot') toggleSelected(row.key, row.ns, row.snapshot);
    },
    [toggleSelected],
  );

  if (data.rootError) {
    const { title, message } = contentErrorText(data.rootError, store, ns);
    return <ErrorState title={title} message={message} />;
  }
  if (!data.groups.has(ns)) return <Skeleton className="h-64" label="Loading backup groups…" />;
  if (rows.length === 0) {
    const filtering = q !== '' || matcher !== null;
    return (
      <p className="rounded-md border border-dashed border-neutral-300 p-6 text-center text-sm text-neutral-700 dark:border-neutral-700 dark:text-neutral-300">
        {filtering
          ? searching
            ? 'No match yet; still searching…'
            : 'Nothing matches the search and filters here or in any namespace below.'
          : 'No backups in this namespace yet.'}
      </p>
    );
  }
  return (
    <TreeContext.Provider value={context}>
      <ContentTree
        label={`Backups in ${store}${ns ? ` / ${ns}` : ''}`}
        rows={rows}
        onExpand={onExpand}
        onOpen={onOpen}
        onToggleSelect={onToggleSelect}
        isSelected={context.isSelected}
        detailKey={detailKey}
      />
    </TreeContext.Provider>
  );
}
