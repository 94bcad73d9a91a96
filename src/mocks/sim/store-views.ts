// Datastore reads in PBS's shapes: list item, status, usage item, RRD, GC and verify job status.
import type { Datastore } from './datastore';
import { SimError } from './errors';
import { countGroups } from './listing';
import { estimateFullDate, usageHistory } from './usage';
import { rrdRows, wave } from './rrd';
import { nextRun } from './schedule';
import { upidStarttime } from './upid';
import type * as T from './types';

export { startLazyGc } from './gc-lazy';

const backendType = (s: Datastore): 'filesystem' | 's3' =>
  typeof s.config.backend === 'string' && s.config.backend.includes('type=s3') ? 's3' : 'filesystem';

export function listItem(s: Datastore): T.DatastoreListItem {
  const item: T.DatastoreListItem = {
    store: s.name,
    comment: typeof s.config.comment === 'string' ? s.config.comment : null,
    'mount-status': 'nonremovable',
    'backend-type': backendType(s),
  };
  const m = s.config['maintenance-mode'];
  if (typeof m === 'string') item.maintenance = m;
  return item;
}

export function status(s: Datastore, verbose: boolean): T.DatastoreStatus {
  if (s.failure) throw new SimError(400, s.failure);
  const out: T.DatastoreStatus = { total: s.total, used: s.used(), avail: s.avail(), 'backend-type': backendType(s) };
  if (verbose) {
    out.counts = countGroups(s);
    out['gc-status'] = { ...s.gcStatus };
  }
  return out;
}

export function usageItem(s: Datastore, now: number): T.DatastoreUsageItem {
  const base = { store: s.name, 'mount-status': 'nonremovable' as const, 'backend-type': backendType(s) };
  if (s.failure) return { ...base, error: s.failure };
  const m = s.maintenance();
  if (m?.type === 'offline')
    return { ...base, error: `datastore '${s.name}' is in offline maintenance mode: ${m.message ?? ''}` };
  const h = usageHistory(s, now);
  const item: T.DatastoreUsageItem = {
    ...base,
    total: s.total,
    used: s.used(),
    avail: s.avail(),
    history: h.history,
    'history-start': h.start,
    'history-delta': h.delta,
    'gc-status': { ...s.gcStatus },
  };
  const est = estimateFullDate(h);
  if (est !== undefined) item['estimated-full-date'] = est;
  return item;
}

export function rrd(s: Datastore, now: number, tf: T.RrdTimeframe, cf: T.RrdCf, seed: number): T.RrdRow[] {
  const events = s.io;
  return rrdRows(now, tf, cf, (t, res) => {
    if (t + res <= s.createdAt || t > now) return null;
    const used = s.usedAt(Math.min(t + res, now)) ?? 0;
    let read = 0;
    let write = 0;
    for (const e of events) {
      if (e.end <= t || e.start >= t + res) continue;
      const span = Math.max(1, e.end - e.start);
      const overlap = Math.min(e.end, t + res) - Math.max(e.start, t);
      write += (e.writeBytes * overlap) / span;
      read += (e.readBytes * overlap) / span;
    }
    const peak = cf === 'MAX' ? 1.6 : 1;
    const noise = wave(seed, s.name.length, t);
    const rb = (read / res + 20000 * noise) * peak;
    const wb = (write / res + 8000 * noise) * peak;
    return {
      total: s.total,
      used,
      available: s.total - used,
      read_bytes: rb,
      write_bytes: wb,
      read_ios: rb / 131072,
      write_ios: wb / 65536,
      io_ticks: Math.min(1, (rb + wb) / 400e6),
    };
  });
}

export function gcJob(s: Datastore, now: number, zone: string): T.GcJobStatus {
  const job: T.GcJobStatus = { store: s.name, ...s.gcStatus };
  const schedule = s.config['gc-schedule'];
  let last = now;
  if (s.gcLast && !s.gcRunning) {
    last = s.gcLast.endtime;
    job['last-run-endtime'] = s.gcLast.endtime;
    job['last-run-state'] = s.gcLast.state;
    job.duration = s.gcLast.endtime - upidStarttime(s.gcLast.upid);
  }
  if (typeof schedule === 'string') {
    job.schedule = schedule;
    const n = nextRun(schedule, last, zone);
    if (n !== null) job['next-run'] = n;
  }
  return job;
}
