import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiDelete, apiPath, apiPost, apiPut, PbsError } from '@/api/client';
import { defaultServer } from '@/api/queries/default-server';
import { groupQueries } from '@/api/queries/groups';
import { changes } from '@/api/queries/invalidation';
import type { Reply } from '@/api/queries/server';
import { snapshotFileQueries } from '@/api/queries/snapshots';
import { taskQueries, taskRows } from '@/api/queries/tasks';
import type { ListedBackupType } from '@/api/schemas/common';
import { upidSchema } from '@/api/schemas/common';
import type { TaskListItem, TaskLogLine } from '@/api/schemas/tasks';
import type { ItemError } from '@/lib/item-error';
import { backupLogSnapshotPath, parseBackupLog, type BackupLogStats } from '@/lib/upload-stats';

/** `ns` only off the root: PBS treats an absent and an empty `ns` alike, and older servers know no `ns` at all. */
const nsParam = (ns: string) => (ns === '' ? {} : { ns });

export interface GroupTarget {
  store: string;
  ns: string;
  type: ListedBackupType;
  id: string;
}
export interface SnapshotTarget extends GroupTarget {
  time: number;
}
/** Notes belong to a snapshot or to a whole group. */
export type NotesTarget = GroupTarget | SnapshotTarget;

const groupParams = (t: GroupTarget) => ({ ...nsParam(t.ns), 'backup-type': t.type, 'backup-id': t.id });
const snapshotParams = (t: SnapshotTarget) => ({ ...groupParams(t), 'backup-time': t.time });

/** PBS 4.x answers a forget with counters, 3.x with null. */
const deleteStatsSchema = z
  .object({ 'removed-groups': z.number(), 'removed-snapshots': z.number(), 'protected-snapshots': z.number() })
  .partial()
  .nullable();

/** PBS's own text when a forget left protected snapshots behind (the others are gone by then). */
export const PARTIAL_FORGET = 'group only partially deleted due to protected snapshots';

export type ForgetGroupResult = { partial: false } | { partial: true; message: string };

export type VerifyTarget = { store: string; ns: string } & Partial<Omit<SnapshotTarget, 'store' | 'ns'>>;

/** Verify now: one snapshot is re-checked whatever its state; groups and namespaces skip what was verified in the last 29 days, as PBS's UI does. */
function verifyParams(t: VerifyTarget) {
  const base = { ...nsParam(t.ns), ...(t.type && t.id ? { 'backup-type': t.type, 'backup-id': t.id } : {}) };
  if (t.time !== undefined) return { ...base, 'backup-time': t.time, 'ignore-verified': false };
  return { ...base, 'ignore-verified': true, 'outdated-after': 29 };
}

/** Plain requests, shared by the single actions and the multi-select. */
export const contentRequests = {
  verify: (t: VerifyTarget) => apiPost(apiPath`/admin/datastore/${t.store}/verify`, upidSchema, verifyParams(t)),
  forgetSnapshot: (t: SnapshotTarget) =>
    apiDelete(apiPath`/admin/datastore/${t.store}/snapshots`, deleteStatsSchema, snapshotParams(t)),
  setProtected: (t: SnapshotTarget, value: boolean) =>
    apiPut(apiPath`/admin/datastore/${t.store}/protected`, z.null(), { ...snapshotParams(t), protected: value }),
};

/** Snapshots, groups or namespaces changed: every view of them refreshes (tree, notes, manifests, guests, counts). */
const changed = { meta: { changes: changes.content(defaultServer) } };

export const contentMutations = {
  verify: () =>
    mutationOptions({
      mutationFn: (t: VerifyTarget) => contentRequests.verify(t),
      meta: { changes: changes.tasks(defaultServer) },
    }),
  forgetSnapshot: () =>
    mutationOptions({
      ...changed,
      mutationFn: (t: SnapshotTarget) => contentRequests.forgetSnapshot(t),
    }),
  forgetGroup: () =>
    mutationOptions({
      ...changed,
      mutationFn: async (t: GroupTarget): Promise<ForgetGroupResult> => {
        try {
          await apiDelete(apiPath`/admin/datastore/${t.store}/groups`, deleteStatsSchema, groupParams(t));
          return { partial: false };
        } catch (e) {
          // not a failure: PBS removed everything it was allowed to and says so
          if (e instanceof PbsError && e.message === PARTIAL_FORGET) return { partial: true, message: e.message };
          throw e;
        }
      },
    }),
  setProtected: () =>
    mutationOptions({
      ...changed,
      mutationFn: ({ value, ...t }: SnapshotTarget & { value: boolean }) => contentRequests.setProtected(t, value),
    }),
  setNotes: () =>
    mutationOptions({
      ...changed,
      mutationFn: ({ notes, ...t }: NotesTarget & { notes: string }) =>
        'time' in t
          ? apiPut(apiPath`/admin/datastore/${t.store}/notes`, z.null(), { ...snapshotParams(t), notes })
          : apiPut(apiPath`/admin/datastore/${t.store}/group-notes`, z.null(), { ...groupParams(t), notes }),
    }),
  changeOwner: () =>
    mutationOptions({
      ...changed,
      mutationFn: ({ owner, ...t }: GroupTarget & { owner: string }) =>
        apiPost(apiPath`/admin/datastore/${t.store}/change-owner`, z.null(), { ...groupParams(t), 'new-owner': owner }),
    }),
  createNamespace: () =>
    mutationOptions({
      ...changed,
      mutationFn: ({ store, parent, name }: { store: string; parent: string; name: string }) =>
        apiPost(apiPath`/admin/datastore/${store}/namespace`, z.string(), { name, ...(parent ? { parent } : {}) }),
    }),
  deleteNamespace: () =>
    mutationOptions({
      ...changed,
      mutationFn: ({ store, ns, deleteGroups }: { store: string; ns: string; deleteGroups: boolean }) =>
        apiDelete(apiPath`/admin/datastore/${store}/namespace`, deleteStatsSchema, {
          ns,
          'delete-groups': deleteGroups,
        }),
    }),
};

/**
 * The backup task that wrote a snapshot: found by worker id and start time in the backup tasks of the
 * two minutes around it. Logs rotate away; null then.
 */
export const backupTaskQuery = (t: SnapshotTarget) =>
  queryOptions({
    ...taskQueries.list(defaultServer, {
      typefilter: 'backup',
      store: t.store,
      since: t.time - 120,
      until: t.time + 120,
      limit: 20,
    }),
    select: (reply: Reply<(TaskListItem | ItemError)[]>) =>
      taskRows(reply)
        .filter((r) => r.worker_id === `${t.store}:${t.type}/${t.id}`)
        .map((r) => r.upid),
    staleTime: Infinity,
  });

/** The per-archive statistics of the backup log among `logs` that wrote the snapshot, if any. */
export function backupLogStats(
  t: SnapshotTarget,
  logs: readonly { upid: string; lines: readonly TaskLogLine[] | undefined }[],
): { upid: string; stats: BackupLogStats } | null {
  const path = backupLogSnapshotPath(t.ns, t.type, t.id, t.time);
  for (const { upid, lines } of logs) {
    if (!lines) continue;
    const stats = parseBackupLog(lines.map((l) => l.t));
    if (stats.snapshot === path) return { upid, stats };
  }
  return null;
}

export const contentActionQueries = {
  notes: (t: SnapshotTarget) => snapshotFileQueries.notes(defaultServer, t),
  groupNotes: (t: GroupTarget) => groupQueries.notes(defaultServer, t),
  backupLog: (upid: string) => taskQueries.log(defaultServer, upid),
  /** A task this view started, followed until it stops (the user is watching it). */
  taskStatus: (upid: string) => taskQueries.status(defaultServer, upid),
};
