// GC of the large profile's computed datastore: the same task and log, with totals from its formulas.
import type { SimCtx } from './ctx';
import type { Datastore } from './datastore';
import { emptyGcStatus } from './datastore';
import { GC_ALREADY_RUNNING, gcSummary } from './gc';
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
  const totals = lazy.gcTotals();
  const log = new TaskLogWriter(t0);
  log.log(`starting garbage collection on store ${store.name}`);
  if (schedule) log.log(`task triggered by schedule '${schedule}'`);
  log.log('Access time update check successful, proceeding with GC.');
  log.log(`Using access time cutoff ${formatTimeSpan(86700)}, minimum access time is ${formatRfc3339Utc(t0 - 86700)}`);
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
  const day = Math.floor(t0 / 86400);
  const removed = 1800 + (day % 7) * 211;
  const status = {
    ...emptyGcStatus(),
    ...totals,
    upid: task.upid,
    'removed-chunks': removed,
    'removed-bytes': removed * 2411724,
    'pending-chunks': 96,
    'pending-bytes': 96 * 2398113,
    'cache-stats': { hits: Math.round(totals['disk-chunks'] * 11.3), misses: totals['disk-chunks'] + 96 },
  };
  gcSummary(log, status);
  const end = Math.ceil(log.t);
  task.lines = log.lines;
  task.endtime = end;
  task.status = 'OK';
  const done = ctx.at(end, () => {
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
