// Changes to content through the API: group prune (dry-run or task), forget, protection and notes.
import type { SimCtx } from './ctx';
import type { Datastore } from './datastore';
import type { Group } from './content';
import { enoent, SimError } from './errors';
import { findGroup } from './listing';
import {
  computePrune,
  keepOptionsText,
  pruneRemove,
  removeSnapshot,
  snapshotLockError,
  type KeepOptions,
} from './prune';
import { TaskLogWriter, statusFor } from './task-log';
import { formatRfc3339Utc } from '@/lib/tz';
import type { BackupType } from './types';

export interface PruneItem {
  'backup-type': BackupType;
  'backup-id': string;
  'backup-time': number;
  keep: boolean;
  protected: boolean;
  ns?: string;
}

export interface PruneRequest {
  ns?: string;
  type: BackupType;
  id: string;
  keep: KeepOptions;
  dryRun?: boolean;
}

/** POST …/prune for one group: the marks (oldest first); a real run removes and logs a `prune` task. */
export function pruneGroup(
  ctx: SimCtx,
  store: Datastore,
  req: PruneRequest,
  authid: string,
  now: number,
): { list: PruneItem[]; upid: string | null } {
  const ns = req.ns ?? '';
  const g = findGroup(store, ns, req.type, req.id);
  const hasRule = keepOptionsText(req.keep) !== '';
  const marks = computePrune(g.snapshots, req.keep, ctx.zone);
  const sorted = [...g.snapshots].sort((a, b) => a.time - b.time);
  // without any keep option PBS keeps everything, though its log still shows the marks
  const markOf = (s: (typeof sorted)[number]) => marks.get(s) ?? 'remove';
  const list = sorted.map((s) => {
    const item: PruneItem = {
      'backup-type': g.type,
      'backup-id': g.id,
      'backup-time': s.time,
      keep: !hasRule || markOf(s) !== 'remove',
      protected: markOf(s) === 'protected',
    };
    // only the dry run names the namespace (PBS's real run leaves `ns` out)
    if (ns && req.dryRun) item.ns = ns;
    return item;
  });
  if (req.dryRun) return { list, upid: null };
  const task = ctx.tasks.create('prune', `${store.name}:${ns}:${g.type}/${g.id}`, authid, now);
  const log = new TaskLogWriter(now);
  if (hasRule) log.log(`retention options: ${ns ? `--ns ${ns} ` : ''}${keepOptionsText(req.keep)}`);
  else log.log('No prune selection - keeping all files.');
  const where = ns ? `namespace '${ns}'` : 'root namespace';
  if (hasRule) log.log(`Starting prune on datastore '${store.name}', ${where} group "${g.type}/${g.id}"`);
  for (const s of sorted) {
    const mark = markOf(s);
    log.log(`${g.type}/${g.id}/${formatRfc3339Utc(s.time)} ${mark}`);
    const failed = mark === 'remove' && hasRule ? pruneRemove(store, ns, g, s, now) : undefined;
    if (failed) log.warn(failed);
  }
  store.recordUsage(now);
  task.lines = log.lines;
  ctx.tasks.finish(task, now + 1, statusFor(log.warnings));
  return { list, upid: task.upid };
}

function snapshotOf(
  store: Datastore,
  ns: string,
  type: BackupType,
  id: string,
  time: number,
): { g: Group; s: Group['snapshots'][number] } {
  const g = findGroup(store, ns, type, id);
  const s = g.snapshots.find((x) => x.time === time);
  if (!s) throw enoent();
  return { g, s };
}

export function forgetSnapshot(
  store: Datastore,
  ns: string,
  type: BackupType,
  id: string,
  time: number,
  now: number,
): void {
  const { g, s } = snapshotOf(store, ns, type, id, time);
  if (store.lockedAt(s, now)) throw new SimError(400, snapshotLockError(store, ns, g, s));
  if (s.protected) throw new SimError(400, 'cannot remove protected snapshot');
  removeSnapshot(store, g, s, now);
  store.recordUsage(now);
}

export function setProtected(
  store: Datastore,
  ns: string,
  type: BackupType,
  id: string,
  time: number,
  value: boolean,
): void {
  snapshotOf(store, ns, type, id, time).s.protected = value;
}

export function snapshotNotes(store: Datastore, ns: string, type: BackupType, id: string, time: number): string {
  return snapshotOf(store, ns, type, id, time).s.notes ?? '';
}

export function setSnapshotNotes(
  store: Datastore,
  ns: string,
  type: BackupType,
  id: string,
  time: number,
  notes: string,
): void {
  snapshotOf(store, ns, type, id, time).s.notes = notes;
}

export function groupNotes(store: Datastore, ns: string, type: BackupType, id: string): string {
  return findGroup(store, ns, type, id).notes ?? '';
}

export function setGroupNotes(store: Datastore, ns: string, type: BackupType, id: string, notes: string): void {
  findGroup(store, ns, type, id).notes = notes;
}
