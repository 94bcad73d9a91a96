// GC of the large profile's computed datastore: the same task and log. What it removes and leaves pending comes
// from the chunk model (large.ts `sweep`: atoms of forgotten snapshots no other snapshot references, by atime);
// the store's totals start from its formulas and lose what GCs removed.
import type { SimCtx } from './ctx';
import type { Datastore } from './datastore';
import { emptyGcStatus } from './datastore';
import { DEFAULT_CUTOFF as CUTOFF, GC_ALREADY_RUNNING, gcSummary } from './gc';
import { TaskLogWriter } from './task-log';
import { formatTimeSpan } from './timespan';
import { formatRfc3339Utc } from '@/lib/tz';
import { SimError } from './errors';
import type { SimTask } from './tasks';

export function startLazyGc(ctx: SimCtx, store: Datastore, authid: string, t0: number, schedule?: string): SimTask {
  const lazy = store.lazy;
  if (!lazy) throw new Error('not a computed datastore');
  if (store.gcRunning) throw new SimError(400, GC_ALREADY_RUNNING);
  const task = ctx.tasks.create('garbage_collection', store.name, authid, t0);
  store.gcRunning = task.upid;
  const cutoffAt = t0 - CUTOFF;
  const sweep = lazy.sweep(t0, cutoffAt);
  const totals = lazy.gcTotals();
  const log = new TaskLogWriter(t0);
  log.log(`starting garbage collection on store ${store.name}`);
  if (schedule) log.log(`task triggered by schedule '${schedule}'`);
  log.log('Access time update check successful, proceeding with GC.');
  log.log(`Using access time cutoff ${formatTimeSpan(CUTOFF)}, minimum access time is ${formatRfc3339Utc(cutoffAt)}`);
  log.log('Start GC phase1 (mark used chunks)');
  const n = totals['index-file-count'];
  for (let p = 1; p <= 100; p++) {
    log.spend(n / 100 / 400);
    log.log(`marked ${p}% (${Math.ceil((n * p) / 100)} of ${n} index files)`);
  }
  log.log('Start GC phase2 (sweep unused chunks)');
  const files = totals['disk-chunks'];
  for (let p = 1; p < 100; p++) {
    log.spend(files / 100 / 50000);
    log.log(`processed ${p}% (${Math.round((files * Math.ceil((p * 65536) / 100)) / 65536)} chunks)`);
  }
  // the totals GC reports are what stays: the removed chunks are gone by its end
  const status = {
    ...emptyGcStatus(),
    ...totals,
    'disk-bytes': totals['disk-bytes'] - sweep.removedBytes,
    'disk-chunks': totals['disk-chunks'] - sweep.removedChunks,
    upid: task.upid,
    'removed-chunks': sweep.removedChunks,
    'removed-bytes': sweep.removedBytes,
    'pending-chunks': sweep.pendingChunks,
    'pending-bytes': sweep.pendingBytes,
    'cache-stats': { hits: Math.round(totals['disk-chunks'] * 11.3), misses: totals['disk-chunks'] },
  };
  gcSummary(log, status);
  const end = Math.ceil(log.t);
  task.lines = log.lines;
  task.endtime = end;
  task.status = 'OK';
  const done = ctx.at(end, () => {
    sweep.apply(end);
    store.gcStatus = status;
    store.gcLast = { upid: task.upid, endtime: end, state: 'OK' };
    store.gcRunning = null;
  });
  task.onAbort = () => {
    done.cancel();
    store.gcRunning = null;
  };
  return task;
}
