// Content reads: namespaces, groups, snapshots and files in PBS's JSON shapes.
import type { Datastore } from './datastore';
import { enoent } from './errors';
import { isIndex, type Group, type Snapshot } from './content';
import type { BackupType, FileItem, GroupItem, NamespaceItem, SnapshotItem } from './types';

const depthOf = (ns: string) => (ns === '' ? 0 : ns.split('/').length);

export function namespacesOf(store: Datastore): string[] {
  return store.lazy ? store.lazy.namespaces() : [...store.namespaces.keys()];
}

export function listNamespaces(store: Datastore, parent = '', maxDepth = 7): NamespaceItem[] {
  const all = namespacesOf(store);
  if (!all.includes(parent)) throw enoent();
  const base = depthOf(parent);
  return all
    .filter((ns) => (parent === '' || ns === parent || ns.startsWith(`${parent}/`)) && depthOf(ns) - base <= maxDepth)
    .sort()
    .map((ns) => {
      const comment = store.nsComments.get(ns);
      return comment === undefined ? { ns } : { ns, comment };
    });
}

export function findGroup(store: Datastore, ns: string, type: BackupType, id: string): Group {
  if (store.lazy) {
    const g = store.lazy.group(ns, type, id);
    if (!g) throw enoent();
    return g;
  }
  const g = store.requireNs(ns).get(`${type}/${id}`);
  if (!g || g.snapshots.length === 0) throw enoent();
  return g;
}

export function snapshotFiles(s: Snapshot): FileItem[] {
  if (!s.finished) return s.files.map((f) => ({ filename: f.filename }));
  const files: FileItem[] = s.files.map((f) => ({ filename: f.filename, size: f.size, 'crypt-mode': f.cryptMode }));
  files.push({ filename: 'index.json.blob', size: s.manifestSize, 'crypt-mode': s.signed ? 'sign-only' : 'none' });
  if (s.clientLog) files.push({ filename: 'client.log.blob' });
  return files;
}

const firstLine = (text?: string) => text?.split('\n')[0];

export function snapshotItem(g: Group, s: Snapshot): SnapshotItem {
  const item: SnapshotItem = {
    'backup-type': g.type,
    'backup-id': g.id,
    'backup-time': s.time,
    files: snapshotFiles(s),
    owner: g.owner,
    protected: s.protected,
  };
  if (s.finished) item.size = item.files.reduce((sum, f) => sum + (f.size ?? 0), 0);
  const comment = firstLine(s.notes);
  if (comment) item.comment = comment;
  if (s.verification) item.verification = { ...s.verification };
  if (s.fingerprint) item.fingerprint = s.fingerprint;
  return item;
}

export function groupItem(g: Group): GroupItem | null {
  if (g.snapshots.length === 0) return null;
  const finished = g.snapshots.filter((s) => s.finished);
  const last = finished[finished.length - 1] ?? g.snapshots[g.snapshots.length - 1];
  if (!last) return null;
  const item: GroupItem = {
    'backup-type': g.type,
    'backup-id': g.id,
    'last-backup': last.time,
    'backup-count': g.snapshots.length,
    files: snapshotFiles(last).map((f) => f.filename),
    owner: g.owner,
  };
  const comment = firstLine(g.notes);
  if (comment) item.comment = comment;
  return item;
}

export function listGroups(store: Datastore, ns = ''): GroupItem[] {
  if (store.lazy) {
    const items = store.lazy.groupItems(ns);
    if (!items) throw enoent();
    return items;
  }
  const out: GroupItem[] = [];
  for (const g of store.requireNs(ns).values()) {
    const item = groupItem(g);
    if (item) out.push(item);
  }
  return out;
}

export function listSnapshots(store: Datastore, ns = '', type?: BackupType, id?: string): SnapshotItem[] {
  if (type && id) {
    const g = findGroup(store, ns, type, id);
    return g.snapshots.map((s) => snapshotItem(g, s));
  }
  const groups: Group[] = store.lazy ? (store.lazy.allGroups(ns) ?? []) : [...store.requireNs(ns).values()];
  if (store.lazy && !store.lazy.namespaces().includes(ns)) throw enoent();
  return groups.filter((g) => !type || g.type === type).flatMap((g) => g.snapshots.map((s) => snapshotItem(g, s)));
}

export function listFiles(store: Datastore, ns: string, type: BackupType, id: string, time: number): FileItem[] {
  const s = findGroup(store, ns, type, id).snapshots.find((x) => x.time === time);
  if (!s) throw enoent();
  return snapshotFiles(s);
}

export function countGroups(store: Datastore): Partial<Record<BackupType, { groups: number; snapshots: number }>> {
  const counts: Partial<Record<BackupType, { groups: number; snapshots: number }>> = {};
  const add = (type: BackupType, n: number) => {
    const c = (counts[type] ??= { groups: 0, snapshots: 0 });
    c.groups++;
    c.snapshots += n;
  };
  if (store.lazy) {
    for (const ns of store.lazy.namespaces())
      for (const g of store.lazy.groupItems(ns) ?? []) add(g['backup-type'], g['backup-count']);
    return counts;
  }
  for (const groups of store.namespaces.values())
    for (const g of groups.values()) if (g.snapshots.length > 0) add(g.type, g.snapshots.length);
  return counts;
}

export const indexFilesOf = (s: Snapshot) => s.files.filter(isIndex);
