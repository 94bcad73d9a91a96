// Sync jobs (src/api2/pull.rs do_sync_job, src/server/pull.rs): the demo remote mirrors the target's groups, so a
// run skips what is already there, re-syncs each group's newest snapshot and finds no new data, with PBS's lines.
import type { SimCtx } from './ctx';
import type { Datastore } from './datastore';
import { TaskLogWriter } from './task-log';
import { compareGroups, formatProgress } from './store-progress';
import { formatRfc3339Utc } from '@/lib/tz';
import type { SimTask } from './tasks';
import type { SyncJobConfig } from './job-types';

const storeNs = (store: string, ns: string) => `datastore '${store}', ${ns ? `namespace '${ns}'` : 'root namespace'}`;

/** `{remote or -}:{remote-store}:{store}:{ns}:{job}` (do_sync_job) */
export const syncWorkerId = (c: SyncJobConfig) =>
  `${c.remote ?? '-'}:${c['remote-store']}:${c.store}:${c.ns ?? ''}:${c.id}`;

export function runSyncJob(
  ctx: SimCtx,
  store: Datastore,
  c: SyncJobConfig,
  authid: string,
  t0: number,
  schedule?: string,
): SimTask {
  const jobId = syncWorkerId(c);
  const task = ctx.tasks.create('syncjob', jobId, authid, t0);
  const log = new TaskLogWriter(t0);
  log.log(`Starting datastore sync job '${jobId}'`);
  if (schedule) log.log(`task triggered by schedule '${schedule}'`);
  log.log(`sync datastore '${c.store}' from '${c.remote ? `${c.remote}/` : ''}${c['remote-store']}'`);
  const ns = c.ns ?? '';
  log.log('----');
  log.log(`Syncing ${storeNs(c['remote-store'], c['remote-ns'] ?? '')} into ${storeNs(c.store, ns)}`);
  const groups = [...(store.namespaces.get(ns)?.values() ?? [])]
    .filter((g) => g.snapshots.some((s) => s.finished))
    .sort(compareGroups);
  log.log(`found ${groups.length} groups to sync (out of ${groups.length} total)`);
  let lastDone = 0;
  groups.forEach((g, i) => {
    const times = g.snapshots
      .filter((s) => s.finished)
      .map((s) => s.time)
      .sort((a, b) => a - b);
    const newest = times[times.length - 1] ?? 0;
    const older = times.slice(0, -1);
    if (older.length === 1)
      log.log(`skipped: 1 snapshot(s) (${formatRfc3339Utc(older[0] ?? 0)}) - older than the newest local snapshot`);
    if (older.length > 1) {
      const range = `${formatRfc3339Utc(older[0] ?? 0)} .. ${formatRfc3339Utc(older[older.length - 1] ?? 0)}`;
      log.log(`skipped: ${older.length} snapshot(s) (${range}) - older than the newest local snapshot`);
    }
    log.log(`re-sync snapshot ${g.type}/${g.id}/${formatRfc3339Utc(newest)}`);
    log.spend(1);
    log.log('no data changes');
    log.log(
      `percentage done: ${formatProgress({ doneGroups: i, totalGroups: groups.length, doneSnapshots: 1, groupSnapshots: 1 })}`,
    );
    lastDone = 1;
  });
  // PBS adds the index of the last group, not the count, to its running total
  if (c['max-depth'] !== 0)
    log.log(
      `Finished syncing namespace ${c['remote-ns'] ?? ''}, current progress: ${Math.max(0, groups.length - 1)} groups, ${lastDone} snapshots`,
    );
  log.log('Summary: sync job found no new data to pull');
  log.log(`sync job '${jobId}' end`);
  task.lines = log.lines;
  task.endtime = Math.ceil(log.t) + 1;
  task.status = 'OK';
  task.abortStatus = 'sync aborted';
  return task;
}
