// The content tree as the list of rows on screen: namespaces → groups → snapshots → files, with the
// search and filters applied. Pure, so the treegrid only renders what this returns.
import type { GroupItem, SnapshotFile, SnapshotItem } from '@/api/schemas/content';
import type { ItemError } from '@/lib/item-error';
import { nsChildren, nsName, nsSubtree } from '@/lib/namespace-path';
import { countMatches, groupMatchesText, type SnapshotMatcher } from './content-filters';
import { sortedSnapshots, type SnapshotFacts } from './snapshot-facts';

export const nsKey = (ns: string) => `n:${ns}`;
export const groupKey = (ns: string, type: string, id: string) => `g:${ns}:${type}/${id}`;
export const snapshotKey = (ns: string, type: string, id: string, time: number) => `s:${ns}:${type}/${id}/${time}`;

interface RowBase {
  key: string;
  level: number;
  posinset: number;
  setsize: number;
  /** undefined for rows without children */
  expanded?: boolean;
  parentKey: string | null;
}

export type TreeRow =
  | (RowBase & { kind: 'ns'; ns: string; name: string })
  | (RowBase & { kind: 'group'; ns: string; group: GroupItem; matches?: number })
  | (RowBase & { kind: 'snapshot'; ns: string; snapshot: SnapshotItem })
  | (RowBase & { kind: 'file'; ns: string; snapshot: SnapshotItem; file: SnapshotFile })
  | (RowBase & { kind: 'status'; status: 'loading' | 'empty' | 'error'; text: string })
  /** an item the server sent that cannot be read, where it would have been: `what` it is and why */
  | (RowBase & { kind: 'problem'; what: 'namespace' | 'group' | 'snapshot'; error: ItemError });

export interface TreeInput {
  /** the namespace the tree starts at */
  ns: string;
  /** every namespace known so far (the root included) */
  namespaces: readonly string[];
  /** groups per namespace; absent = not loaded yet */
  groups: ReadonlyMap<string, readonly GroupItem[]>;
  /** namespaces whose groups failed to load, with the message */
  groupErrors?: ReadonlyMap<string, string>;
  /** snapshot lists per group key; absent = not loaded yet */
  snapshots: ReadonlyMap<string, readonly SnapshotItem[]>;
  /** groups whose snapshot list could not be read (and none is loaded), with the message */
  snapshotErrors?: ReadonlyMap<string, string>;
  /** namespaces the server sent unreadable: shown at the top level */
  namespaceProblems?: readonly ItemError[];
  /** groups the server sent unreadable, per namespace */
  groupProblems?: ReadonlyMap<string, readonly ItemError[]>;
  /** snapshots the server sent unreadable, per group key */
  snapshotProblems?: ReadonlyMap<string, readonly ItemError[]>;
  /** snapshot facts per group key, from the background search */
  facts: ReadonlyMap<string, SnapshotFacts>;
  expanded: ReadonlySet<string>;
  q: string;
  matcher: SnapshotMatcher | null;
}

const collator = new Intl.Collator('en', { numeric: true });
const none: readonly ItemError[] = [];
const TYPE_ORDER: Record<string, number> = { vm: 0, ct: 1, host: 2 };
const sortedGroupsCache = new WeakMap<readonly GroupItem[], GroupItem[]>();

function sortedGroups(list: readonly GroupItem[]): GroupItem[] {
  let hit = sortedGroupsCache.get(list);
  if (!hit) {
    hit = [...list].sort(
      (a, b) =>
        (TYPE_ORDER[a['backup-type']] ?? 9) - (TYPE_ORDER[b['backup-type']] ?? 9) ||
        collator.compare(a['backup-id'], b['backup-id']),
    );
    sortedGroupsCache.set(list, hit);
  }
  return hit;
}

type WithoutPosition<T> = T extends unknown ? Omit<T, 'posinset' | 'setsize'> : never;
type Pending = WithoutPosition<TreeRow> & { children?: () => void };

const countCache = new WeakMap<SnapshotFacts, { key: string; n: number }>();

function cachedCount(facts: SnapshotFacts, matcher: SnapshotMatcher): number {
  const hit = countCache.get(facts);
  if (hit?.key === matcher.key) return hit.n;
  const n = countMatches(facts, matcher);
  countCache.set(facts, { key: matcher.key, n });
  return n;
}

/** Matching snapshots of one group under the current filter; null = not known yet. */
function groupMatches(input: TreeInput, ns: string, g: GroupItem): number | null {
  if (!input.matcher) return g['backup-count'];
  const key = groupKey(ns, g['backup-type'], g['backup-id']);
  const loaded = input.snapshots.get(key);
  const facts = loaded ? sortedSnapshots(loaded).facts : input.facts.get(key);
  return facts ? cachedCount(facts, input.matcher) : null;
}

export function flattenTree(input: TreeInput): TreeRow[] {
  const rows: TreeRow[] = [];
  const filtering = input.q.trim() !== '' || input.matcher !== null;
  // A namespace shows while filtering only when a group below it matches: computed bottom-up once.
  const visibleGroups = new Map<string, { group: GroupItem; matches: number | undefined }[]>();
  const nsHasMatch = new Map<string, boolean>();
  if (filtering) {
    for (const ns of nsSubtree(
      input.namespaces.includes(input.ns) ? input.namespaces : [...input.namespaces, input.ns],
      input.ns,
    )) {
      const shown: { group: GroupItem; matches: number | undefined }[] = [];
      for (const g of sortedGroups(input.groups.get(ns) ?? [])) {
        if (!groupMatchesText(g, input.q)) continue;
        const matches = groupMatches(input, ns, g);
        if (input.matcher && !matches) continue;
        shown.push({ group: g, matches: input.matcher ? (matches ?? 0) : undefined });
      }
      visibleGroups.set(ns, shown);
    }
    const has = (ns: string): boolean => {
      const known = nsHasMatch.get(ns);
      if (known !== undefined) return known;
      const result = (visibleGroups.get(ns)?.length ?? 0) > 0 || nsChildren(input.namespaces, ns).some(has);
      nsHasMatch.set(ns, result);
      return result;
    };
    has(input.ns);
  }

  function emit(siblings: Pending[]) {
    siblings.forEach((row, i) => {
      const { children, ...rest } = row;
      rows.push({ ...rest, posinset: i + 1, setsize: siblings.length } as TreeRow);
      children?.();
    });
  }

  function statusRow(parentKey: string, level: number, status: 'loading' | 'empty' | 'error', text: string): Pending {
    return { kind: 'status', key: `${parentKey}/${status}`, level, parentKey, status, text };
  }

  function problemRows(parentKey: string, level: number, what: 'namespace' | 'group' | 'snapshot', errors = none) {
    return errors.map((error): Pending => ({
      kind: 'problem',
      key: `${parentKey}/${what}-problem/${error.index}`,
      level,
      parentKey,
      what,
      error,
    }));
  }

  function nsLevel(ns: string, level: number, parentKey: string | null) {
    const out: Pending[] = [];
    if (parentKey === null) out.push(...problemRows(nsKey(ns), level, 'namespace', input.namespaceProblems));
    for (const child of nsChildren(input.namespaces, ns)) {
      if (filtering && !nsHasMatch.get(child)) continue;
      const key = nsKey(child);
      const expanded = filtering || input.expanded.has(key);
      out.push({
        kind: 'ns',
        key,
        level,
        parentKey,
        ns: child,
        name: nsName(child),
        expanded,
        children: expanded ? () => nsLevel(child, level + 1, key) : undefined,
      });
    }
    const error = input.groupErrors?.get(ns);
    const groups = input.groups.get(ns);
    const shown = filtering
      ? (visibleGroups.get(ns) ?? [])
      : sortedGroups(groups ?? []).map((group) => ({ group, matches: undefined as number | undefined }));
    for (const { group, matches } of shown) {
      const key = groupKey(ns, group['backup-type'], group['backup-id']);
      const expanded = input.expanded.has(key);
      out.push({
        kind: 'group',
        key,
        level,
        parentKey,
        ns,
        group,
        ...(matches !== undefined && { matches }),
        expanded,
        children: expanded ? () => groupLevel(ns, key, level + 1) : undefined,
      });
    }
    const own = parentKey ?? nsKey(ns);
    out.push(...problemRows(own, level, 'group', input.groupProblems?.get(ns)));
    if (error) out.push(statusRow(own, level, 'error', error));
    else if (!groups && !filtering) out.push(statusRow(own, level, 'loading', 'Loading backup groups…'));
    else if (out.length === 0 && parentKey !== null)
      out.push(statusRow(own, level, 'empty', 'No backup groups in this namespace'));
    emit(out);
  }

  function groupLevel(ns: string, key: string, level: number) {
    const list = input.snapshots.get(key);
    const error = input.snapshotErrors?.get(key);
    if (!list && error) return emit([statusRow(key, level, 'error', `Cannot list the snapshots: ${error}`)]);
    if (!list) return emit([statusRow(key, level, 'loading', 'Loading snapshots…')]);
    const { list: sorted, facts } = sortedSnapshots(list);
    const out: Pending[] = [];
    sorted.forEach((snapshot, i) => {
      if (input.matcher && !input.matcher.test(facts, i)) return;
      const skey = snapshotKey(ns, snapshot['backup-type'], snapshot['backup-id'], snapshot['backup-time']);
      const expanded = input.expanded.has(skey);
      out.push({
        kind: 'snapshot',
        key: skey,
        level,
        parentKey: key,
        ns,
        snapshot,
        expanded,
        children: expanded ? () => fileLevel(ns, skey, snapshot, level + 1) : undefined,
      });
    });
    out.push(...problemRows(key, level, 'snapshot', input.snapshotProblems?.get(key)));
    if (out.length === 0)
      out.push(statusRow(key, level, 'empty', input.matcher ? 'No snapshot matches the filters' : 'No snapshots'));
    emit(out);
  }

  function fileLevel(ns: string, key: string, snapshot: SnapshotItem, level: number) {
    const files = snapshot.files ?? [];
    if (files.length === 0) return emit([statusRow(key, level, 'empty', 'No files listed')]);
    emit(
      files.map((file) => ({
        kind: 'file',
        key: `${key}/${file.filename}`,
        level,
        parentKey: key,
        ns,
        snapshot,
        file,
      })),
    );
  }

  nsLevel(input.ns, 1, null);
  return rows;
}
