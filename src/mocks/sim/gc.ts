// Garbage collection: mark (touch every chunk an index references) and sweep with PBS's atime cutoff.
//
// Log wording follows PBS 4.x (pbs-formats.md §6.3 plus the §6.7 additions: the access-time check and
// cutoff lines before phase 1, the chunk-cache line after phase 2, warnings without a `WARN: ` prefix).
// The cutoff is PBS's rule `min(phase1 start − 24 h, oldest running writer) − 5 min`; the "Oldest backup
// writer" line is printed when the writer moves the cutoff below the default 24 h 5 min.
import type { SimCtx } from './ctx';
import { ChunkStore, type BadFiles } from './chunks';
import { emptyGcStatus, type Datastore } from './datastore';
import { isIndex, nsPath, type AtomRef } from './content';
import { TaskLogWriter, statusFor } from './task-log';
import { formatTimeSpan } from './timespan';
import { humanByte } from '@/lib/human-byte';
import { formatRfc3339Utc } from '@/lib/tz';
import type { GcStatus } from './types';
import type { SimTask } from './tasks';
import { SimError } from './errors';

export const GC_ALREADY_RUNNING = 'garbage collection already running';
export const DEFAULT_CUTOFF = 24 * 3600 + 300;
/** exact per-chunk digests (for phase-2 progress lines) below this many chunk files; a uniform spread above */
const EXACT_LIMIT = 20000;
let gcRuns = 0;

interface IndexRef {
  path: () => string;
  size: number;
  refs: AtomRef[];
}

function listIndexes(store: Datastore): IndexRef[] {
  const out: IndexRef[] = [];
  const nss = [...store.namespaces.keys()].sort();
  for (const ns of nss) {
    const groups = [...(store.namespaces.get(ns)?.values() ?? [])].sort((a, b) =>
      a.type + a.id < b.type + b.id ? -1 : 1,
    );
    for (const g of groups)
      // an unfinished backup's indexes are still `.tmp_fidx`/`.tmp_didx` files, which GC does not read;
      // the writer's start time protects their chunks instead
      for (const s of [...g.snapshots].reverse().filter((x) => x.finished))
        for (const f of s.files.filter(isIndex))
          out.push({
            path: () => `${store.config.path}/${nsPath(ns)}${g.type}/${g.id}/${formatRfc3339Utc(s.time)}/${f.filename}`,
            size: f.size,
            refs: f.refs,
          });
  }
  return out;
}

/** Phase-2 progress: one line each time a chunk file lies in a higher percent bucket of the 65536 dirs. */
function sweepProgress(store: Datastore, log: TaskLogWriter) {
  const files = store.chunks.chunkCount() + store.chunks.bad.reduce((s, b) => s + b.count, 0);
  if (files === 0) return;
  if (files > EXACT_LIMIT) {
    for (let p = 1; p < 100; p++)
      log.log(`processed ${p}% (${Math.round((files * Math.ceil((p * 65536) / 100)) / 65536)} chunks)`);
    return;
  }
  const buckets: number[] = [];
  const add = (digest: string) => buckets.push(Math.floor((parseInt(digest.slice(0, 4), 16) * 100) / 65536));
  for (const a of store.chunks.atoms.values())
    for (let k = 0; k < a.total - a.missing; k++) add(ChunkStore.digest(a.id, k));
  for (const b of store.chunks.bad) {
    const a = store.chunks.atoms.get(b.atom);
    const first = a ? a.total - a.missing : 0;
    for (let k = 0; k < b.count; k++) add(ChunkStore.digest(b.atom, first + k));
  }
  buckets.sort((x, y) => x - y);
  let last = 0;
  buckets.forEach((p, i) => {
    if (p !== last) {
      last = p;
      log.log(`processed ${p}% (${i} chunks)`);
    }
  });
}

export function startGc(ctx: SimCtx, store: Datastore, authid: string, t0: number, schedule?: string): SimTask {
  if (store.gcRunning) throw new SimError(400, GC_ALREADY_RUNNING);
  const task = ctx.tasks.create('garbage_collection', store.name, authid, t0);
  store.gcRunning = task.upid;
  const log = new TaskLogWriter(t0);
  log.log(`starting garbage collection on store ${store.name}`);
  if (schedule) log.log(`task triggered by schedule '${schedule}'`);
  const writer = store.oldestWriter() ?? t0;
  const minAtime = Math.min(t0 - 86400, writer) - 300;
  log.log('Access time update check successful, proceeding with GC.');
  log.log(
    `Using access time cutoff ${formatTimeSpan(DEFAULT_CUTOFF)}, minimum access time is ${formatRfc3339Utc(t0 - DEFAULT_CUTOFF)}`,
  );
  if (minAtime < t0 - DEFAULT_CUTOFF) {
    log.log(
      `Oldest backup writer started at ${formatTimeSpan(writer)}, extending minimum access time to ${formatRfc3339Utc(minAtime)}`,
    );
  }
  const status: GcStatus = { ...emptyGcStatus(), upid: task.upid, 'cache-stats': { hits: 0, misses: 0 } };
  const cache = status['cache-stats'] ?? { hits: 0, misses: 0 };

  log.log('Start GC phase1 (mark used chunks)');
  const indexes = listIndexes(store);
  const run = ++gcRuns;
  const seenMissing = new Set<string>();
  let last = 0;
  indexes.forEach((idx, i) => {
    status['index-file-count']++;
    status['index-data-bytes'] += idx.size;
    for (const r of idx.refs) {
      const a = store.chunks.resolve(r);
      if (a ? a.mark === run : seenMissing.has(r.atom)) {
        cache.hits += r.n;
        continue;
      }
      if (a) a.mark = run;
      else seenMissing.add(r.atom);
      cache.misses += r.n;
      const present = a ? a.total - a.missing : 0;
      if (a && present > 0) a.atime = t0;
      for (let k = present; k < r.n; k++) {
        log.warn(
          `warning: unable to access non-existent chunk ${ChunkStore.digest(r.atom, k)}, required by "${idx.path()}"`,
        );
      }
      // a missing chunk keeps its `.bad` copies alive, so a later re-upload can replace them
      if (present < r.n) for (const b of store.chunks.bad) if (b.atom === r.atom) b.atime = t0;
    }
    const p = Math.floor(((i + 1) * 100) / indexes.length);
    if (p > last) {
      last = p;
      log.log(`marked ${p}% (${i + 1} of ${indexes.length} index files)`);
    }
    if (i % 200 === 199) log.spend(1);
  });
  log.spend(1);

  log.log('Start GC phase2 (sweep unused chunks)');
  if (typeof store.config.backend === 'string' && store.config.backend.includes('type=s3')) {
    // an S3 store sweeps the bucket listing first, then the local chunk markers (PBS 4)
    log.log(`processed ${store.chunks.chunkCount() + store.chunks.bad.reduce((n, b) => n + b.count, 0)} total chunks`);
    log.log('Start GC phase3 (sweep unused chunk markers)');
  }
  sweepProgress(store, log);
  const remove: string[] = [];
  const removeBad: BadFiles[] = [];
  for (const a of store.chunks.atoms.values()) {
    const n = a.total - a.missing;
    if (n === 0) continue;
    if (a.atime < minAtime) {
      status['removed-chunks'] += n;
      status['removed-bytes'] += n * a.diskSize;
      remove.push(a.id);
    } else if (a.atime < writer) {
      status['pending-chunks'] += n;
      status['pending-bytes'] += n * a.diskSize;
    } else {
      status['disk-chunks'] += n;
      status['disk-bytes'] += n * a.diskSize;
    }
  }
  for (const b of store.chunks.bad) {
    const bytes = b.count * b.diskSize;
    if (b.atime < minAtime) {
      status['removed-bad'] += b.count;
      status['removed-bytes'] += bytes;
      removeBad.push(b);
    } else if (b.atime < writer) {
      status['still-bad'] += b.count;
      status['pending-bytes'] += bytes;
    } else status['disk-bytes'] += bytes;
  }
  log.spend(1 + Math.floor(store.chunks.chunkCount() / 100000));
  gcSummary(log, status);

  const end = Math.floor(log.t);
  task.lines = log.lines;
  const done = ctx.at(end, () => {
    for (const id of remove) {
      const a = store.chunks.atoms.get(id);
      if (a && a.atime < minAtime) store.chunks.remove(id);
    }
    store.chunks.dropBad(removeBad);
    store.gcStatus = status;
    const state = statusFor(log.warnings);
    store.gcLast = { upid: task.upid, endtime: end, state };
    store.gcRunning = null;
    store.io.push({ start: t0, end, readBytes: indexes.length * 65536, writeBytes: 0 });
    store.recordUsage(end);
    ctx.tasks.finish(task, end, state);
  });
  task.endtime = end;
  task.status = statusFor(log.warnings);
  task.onAbort = () => {
    done.cancel();
    store.gcRunning = null;
  };
  return task;
}

export function gcSummary(log: TaskLogWriter, s: GcStatus) {
  const cache = s['cache-stats'];
  if (cache && cache.hits + cache.misses > 0) {
    const ratio = (cache.hits * 100) / (cache.hits + cache.misses);
    log.log(`Chunk cache: hits ${cache.hits}, misses ${cache.misses} (hit ratio ${ratio.toFixed(2)}%)`);
  }
  log.log(`Removed garbage: ${humanByte(s['removed-bytes'])}`);
  log.log(`Removed chunks: ${s['removed-chunks']}`);
  if (s['pending-bytes'] > 0)
    log.log(`Pending removals: ${humanByte(s['pending-bytes'])} (in ${s['pending-chunks']} chunks)`);
  if (s['removed-bad'] > 0) log.log(`Removed bad chunks: ${s['removed-bad']}`);
  if (s['still-bad'] > 0) log.log(`Leftover bad chunks: ${s['still-bad']}`);
  log.log(`Original data usage: ${humanByte(s['index-data-bytes'])}`);
  if (s['index-data-bytes'] > 0) {
    const pct = (s['disk-bytes'] * 100) / s['index-data-bytes'];
    log.log(`On-Disk usage: ${humanByte(s['disk-bytes'])} (${pct.toFixed(2)}%)`);
  }
  log.log(`On-Disk chunks: ${s['disk-chunks']}`);
  log.log(`Deduplication factor: ${dedupFactor(s).toFixed(2)}`);
  if (s['disk-chunks'] > 0) log.log(`Average chunk size: ${humanByte(Math.floor(s['disk-bytes'] / s['disk-chunks']))}`);
}

/** As PBS and its UI compute it: index-data-bytes / disk-bytes, 1.0 without disk bytes. */
export function dedupFactor(s: GcStatus): number {
  return s['disk-bytes'] > 0 ? s['index-data-bytes'] / s['disk-bytes'] : 1;
}
