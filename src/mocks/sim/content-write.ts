// Changes PBS makes to the content tree outside backups and prune: forget a whole group, create and delete
// namespaces, change a group's owner (src/api2/admin/{datastore,namespace}.rs, pbs-datastore datastore.rs,
// backup_info.rs). Protected snapshots survive every removal, as on PBS.
import type { Datastore } from './datastore';
import { enoent, SimError } from './errors';
import { findGroup, namespacesOf } from './listing';
import { removeSnapshot, snapshotLockError } from './prune';
import { groupKey, nsPath, type Group } from './content';
import type { BackupType } from './types';

/** PBS 4.x answers a forget with these counters (3.x with null). */
export interface DeleteStats {
  'removed-groups': number;
  'removed-snapshots': number;
  'protected-snapshots': number;
}

export const MAX_NAMESPACE_DEPTH = 7;
const MAX_NAMESPACE_LENGTH = 256;
const SAFE_ID = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

function refuseLazy(store: Datastore): void {
  if (store.lazy) throw new SimError(400, `datastore '${store.name}' is computed from the seed and cannot be changed`);
}

/** PBS locks the group directory; a backup still writing into it holds that lock. */
function lockGroup(store: Datastore, ns: string, g: Group): void {
  if (g.snapshots.some((s) => !s.finished)) {
    const path = `${store.config.path}/${nsPath(ns)}${g.type}/${g.id}`;
    throw new SimError(400, `unable to acquire lock on backup group directory "${path}" - possible running backup`);
  }
}

/**
 * BackupGroup::destroy: each snapshot goes under its own lock, so one a task holds (a verify, a restore's reader, a
 * backup's base) stops the removal there with the lock error; the snapshots before it are gone already.
 */
function destroyGroup(store: Datastore, ns: string, g: Group, stats: DeleteStats, at: number): void {
  lockGroup(store, ns, g);
  for (const s of [...g.snapshots]) {
    if (s.protected) {
      stats['protected-snapshots']++;
      continue;
    }
    if (store.lockedAt(s, at)) throw new SimError(400, snapshotLockError(store, ns, g, s));
    removeSnapshot(store, g, s, at);
    stats['removed-snapshots']++;
  }
  if (g.snapshots.length === 0) {
    store.namespaces.get(ns)?.delete(groupKey(g.type, g.id));
    stats['removed-groups']++;
  }
}

const emptyStats = (): DeleteStats => ({ 'removed-groups': 0, 'removed-snapshots': 0, 'protected-snapshots': 0 });

export const PARTIALLY_DELETED = 'group only partially deleted due to protected snapshots';

/**
 * DELETE …/groups: every unprotected snapshot goes; the group stays while protected snapshots remain, and then
 * PBS answers with an error after removing the rest (unless `error-on-protected` is false).
 */
export function forgetGroup(
  store: Datastore,
  ns: string,
  type: BackupType,
  id: string,
  now: number,
  errorOnProtected = true,
): DeleteStats {
  refuseLazy(store);
  const g = findGroup(store, ns, type, id);
  const stats = emptyStats();
  try {
    destroyGroup(store, ns, g, stats, now);
  } finally {
    // what went before a locked snapshot stopped it is gone all the same
    store.recordUsage(now);
  }
  if (errorOnProtected && stats['protected-snapshots'] > 0) throw new SimError(400, PARTIALLY_DELETED);
  return stats;
}

/** check_ns_modification_privs refuses the root before it looks at privileges. */
export function refuseRoot(ns: string): void {
  if (ns === '') throw new SimError(400, 'Cannot create/delete root namespace!');
}

/** BackupNamespace::push: the checks PBS runs on a new child before it looks at privileges or the store. */
export function childNamespace(parent: string, name: string): string {
  if (name.includes('/')) throw new SimError(400, 'namespace component contained a slash');
  const depth = parent === '' ? 0 : parent.split('/').length;
  if (depth >= MAX_NAMESPACE_DEPTH)
    throw new SimError(400, `namespace too deep, ${depth} >= max ${MAX_NAMESPACE_DEPTH}`);
  if (parent.length + name.length + 1 > MAX_NAMESPACE_LENGTH) throw new SimError(400, 'namespace length exceeded');
  if (!SAFE_ID.test(name)) throw new SimError(400, `not a valid namespace component: ${name}`);
  return parent === '' ? name : `${parent}/${name}`;
}

/** POST …/namespace: the parent must exist; creating an existing namespace succeeds (mkdir -p). */
export function createNamespace(store: Datastore, parent: string, name: string): string {
  refuseLazy(store);
  const ns = childNamespace(parent, name);
  if (!store.namespaces.has(parent))
    throw new SimError(400, `cannot create new namespace, parent ${parent} doesn't already exists`);
  store.ensureNs(ns);
  return ns;
}

const below = (all: string[], ns: string) => all.filter((n) => n === ns || n.startsWith(`${ns}/`));

/**
 * DELETE …/namespace. Without `delete-groups` only empty namespaces go (bottom up) and a non-empty one is an
 * error; with it every group below is forgotten first, and protected snapshots keep theirs.
 */
export function deleteNamespace(
  store: Datastore,
  ns: string,
  deleteGroups: boolean,
  now: number,
  errorOnProtected = true,
): DeleteStats {
  refuseRoot(ns);
  refuseLazy(store);
  if (!namespacesOf(store).includes(ns)) throw enoent();
  const stats = emptyStats();
  const tree = below([...store.namespaces.keys()], ns);
  if (deleteGroups) {
    try {
      for (const n of tree)
        for (const g of [...(store.namespaces.get(n)?.values() ?? [])]) destroyGroup(store, n, g, stats, now);
    } finally {
      store.recordUsage(now);
    }
  }
  let complete = true;
  for (const n of tree.sort((a, b) => b.split('/').length - a.split('/').length)) {
    const groups = store.namespaces.get(n);
    const hasGroups = [...(groups?.values() ?? [])].some((g) => g.snapshots.length > 0);
    const hasChildren = [...store.namespaces.keys()].some((c) => c.startsWith(`${n}/`));
    if (hasGroups || hasChildren) complete = false;
    else {
      store.namespaces.delete(n);
      store.nsComments.delete(n);
    }
  }
  store.recordUsage(now);
  if (!complete && !deleteGroups) {
    // PBS's message ends in a space
    throw new SimError(400, 'only partially deleted due to existing groups but `delete-groups` not true ');
  }
  if (!complete && errorOnProtected) throw new SimError(400, PARTIALLY_DELETED);
  return stats;
}

/** POST …/change-owner, after the API checked who may hand the group to whom. */
export function changeOwner(store: Datastore, ns: string, type: BackupType, id: string, owner: string): void {
  refuseLazy(store);
  findGroup(store, ns, type, id).owner = owner;
}
