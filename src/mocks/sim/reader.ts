// A backup reader session (api2/reader/mod.rs), as proxmox-backup-client opens one to restore a snapshot (a
// restore from Proxmox VE, a file restore): a `reader` task that holds a shared lock on the snapshot while it runs,
// so prune and forget leave the snapshot alone with "possibly running or in use", and logs the files it serves.
import type { SimCtx } from './ctx';
import type { Datastore } from './datastore';
import { isIndex, nsPath, type Group, type Snapshot } from './content';
import { TaskLogWriter } from './task-log';
import type { SimTask } from './tasks';
import { formatRfc3339Utc } from '@/lib/tz';

/** `{store}:{type}/{id}/{backup-time as 8 hex digits}`: PBS leaves the namespace out of it. */
export function readerWorkerId(store: string, g: Group, s: Snapshot): string {
  return `${store}:${g.type}/${g.id}/${s.time.toString(16).toUpperCase().padStart(8, '0')}`;
}

/**
 * Starts the session at `t0` for `seconds`: the manifest first, then every archive in manifest order, as a full
 * restore reads them. The lock goes when the session ends or is aborted.
 */
export function openReader(
  ctx: SimCtx,
  store: Datastore,
  ns: string,
  g: Group,
  s: Snapshot,
  authid: string,
  t0: number,
  seconds: number,
): SimTask {
  const task = ctx.tasks.create('reader', readerWorkerId(store.name, g, s), authid, t0);
  const log = new TaskLogWriter(t0);
  const base = store.config.path;
  const dir = `${base}/${nsPath(ns)}${g.type}/${g.id}/${formatRfc3339Utc(s.time)}`;
  log.log(`starting new backup reader datastore '${store.name}': "${base}"`);
  log.log(`download "${dir}/index.json.blob"`);
  for (const f of s.files) {
    log.log(`download "${dir}/${f.filename}"`);
    if (isIndex(f)) log.log(`register chunks in '${f.filename}' as downloadable.`);
  }
  const end = t0 + Math.max(1, Math.ceil(seconds));
  log.t = end;
  log.log('reader finished successfully');
  task.lines = log.lines;
  ctx.tasks.finish(task, end, 'OK');
  store.locks.push({ snap: s, from: t0, until: end, task: task.taskId });
  const done = ctx.at(end, () => store.releaseLocks(task.taskId));
  task.onAbort = () => {
    done.cancel();
    store.releaseLocks(task.taskId);
  };
  return task;
}
