import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { GroupItem, SnapshotItem } from '@/api/schemas/content';
import type { ListedBackupType } from '@/api/schemas/common';
import type { ItemError, Listing } from '@/lib/item-error';
import { nsIsBelow, nsSubtree } from '@/lib/namespace-path';
import { contentQueries } from './api';

export interface ContentData {
  namespaces: string[];
  namespacesError: unknown;
  /** namespaces, groups and snapshots the server sent unreadable, each in its place */
  namespaceProblems: readonly ItemError[];
  groupProblems: Map<string, readonly ItemError[]>;
  snapshotProblems: Map<string, readonly ItemError[]>;
  groups: Map<string, GroupItem[]>;
  groupErrors: Map<string, string>;
  /** the error of the current namespace's groups: the whole view depends on it */
  rootError: unknown;
  snapshots: Map<string, SnapshotItem[]>;
  /** group keys whose snapshot list failed for good (a refusal, say), with the message */
  snapshotErrors: Map<string, string>;
}

export interface OpenGroup {
  key: string;
  ns: string;
  type: ListedBackupType;
  id: string;
}

const noProblems: readonly ItemError[] = [];

/**
 * The server data the tree shows: the namespace list, the groups of the current namespace, of opened
 * namespace rows and (while searching) of every namespace below, and the snapshots of opened groups.
 */
export function useContentData(
  store: string,
  ns: string,
  openNamespaces: readonly string[],
  openGroups: readonly OpenGroup[],
  wholeSubtree: boolean,
): ContentData {
  const nsQuery = useQuery(contentQueries.namespaces(store));
  const namespaces = useMemo(() => {
    const list = nsQuery.data?.items.map((n) => n.ns) ?? [];
    return list.includes(ns) ? list : [...list, ns];
  }, [nsQuery.data, ns]);

  const wanted = useMemo(() => {
    const set = new Set([ns, ...openNamespaces.filter((n) => nsIsBelow(n, ns))]);
    if (wholeSubtree) for (const n of nsSubtree(namespaces, ns)) set.add(n);
    return [...set];
  }, [ns, openNamespaces, wholeSubtree, namespaces]);

  // `combine` keeps the maps stable while no result changed, so the flattened rows are not rebuilt needlessly.
  const combineGroups = useCallback(
    (results: UseQueryResult<Listing<GroupItem>>[]) => {
      const groups = new Map<string, GroupItem[]>();
      const groupErrors = new Map<string, string>();
      const groupProblems = new Map<string, readonly ItemError[]>();
      results.forEach((r, i) => {
        const n = wanted[i] ?? '';
        if (r.data) groups.set(n, r.data.items);
        if (r.data?.failed.length) groupProblems.set(n, r.data.failed);
        if (r.error && n !== ns) groupErrors.set(n, r.error.message);
      });
      return { groups, groupErrors, groupProblems, rootError: results[0]?.error ?? null };
    },
    [wanted, ns],
  );
  const { groups, groupErrors, groupProblems, rootError } = useQueries({
    queries: wanted.map((n) => contentQueries.groups(store, n)),
    combine: combineGroups,
  });
  const combineSnapshots = useCallback(
    (results: UseQueryResult<Listing<SnapshotItem>>[]) => {
      const snapshots = new Map<string, SnapshotItem[]>();
      const snapshotErrors = new Map<string, string>();
      const snapshotProblems = new Map<string, readonly ItemError[]>();
      results.forEach((r, i) => {
        const g = openGroups[i];
        if (g && r.data) snapshots.set(g.key, r.data.items);
        if (g && r.data?.failed.length) snapshotProblems.set(g.key, r.data.failed);
        if (g && r.error) snapshotErrors.set(g.key, r.error.message);
      });
      return { snapshots, snapshotErrors, snapshotProblems };
    },
    [openGroups],
  );
  const { snapshots, snapshotErrors, snapshotProblems } = useQueries({
    queries: openGroups.map((g) => contentQueries.snapshots({ store, ns: g.ns, type: g.type, id: g.id })),
    combine: combineSnapshots,
  });

  return {
    namespaces,
    namespacesError: nsQuery.error,
    namespaceProblems: nsQuery.data?.failed ?? noProblems,
    groupProblems,
    snapshotProblems,
    groups,
    groupErrors,
    rootError,
    snapshots,
    snapshotErrors,
  };
}
