// A backup session on the server side: a `backup` task with a writer that holds back GC, chunk uploads with
// client- and server-side dedup, the per-archive log of pbs-formats.md §6.2 and the manifest's upload stats.
import type { SimCtx } from './ctx';
import type { Datastore } from './datastore';
import type { ArchiveSpec } from './guests';
import {
  groupKey,
  isIndex,
  type ArchiveFile,
  type Group,
  type IndexFile,
  type Snapshot,
  type UploadStats,
} from './content';
import { hexOf } from './random';
import { indexCsum, indexUuid, snapshotRel } from './index-file';
import { TaskLogWriter, type LogLine } from './task-log';
import type { BackupType, CryptMode } from './types';
import type { SimTask } from './tasks';
import { startVerify } from './verify';

export interface BackupJob {
  store: Datastore;
  ns: string;
  type: BackupType;
  id: string;
  owner: string;
  authid: string;
  time: number;
  archives: ArchiveSpec[];
  cryptMode: CryptMode;
  fingerprint?: string;
  notes?: string;
  clientLog: boolean;
  clientIp?: string;
}

export interface RunningBackup {
  task: SimTask;
  snapshot: Snapshot;
  finish(at: number): void;
}

interface IndexStat {
  file: ArchiveFile;
  wid: number;
  chunkCount: number;
  uploadedChunks: number;
  uploadedBytes: number;
  serverDups: number;
  compressed: number;
}

function ensureGroup(job: BackupJob): Group {
  const groups = job.store.ensureNs(job.ns);
  const key = groupKey(job.type, job.id);
  let g = groups.get(key);
  if (!g) {
    g = { type: job.type, id: job.id, owner: job.owner, snapshots: [] };
    groups.set(key, g);
  }
  return g;
}

export function startBackup(ctx: SimCtx, job: BackupJob): RunningBackup {
  const { store, time } = job;
  const task = ctx.tasks.create('backup', `${store.name}:${job.type}/${job.id}`, job.authid, time);
  const group = ensureGroup(job);
  // the client reuses the previous snapshot's indexes unless its verification failed
  const prev = [...group.snapshots].reverse().find((s) => s.finished);
  const reuse = prev && prev.verification?.state !== 'failed' ? prev : undefined;
  const rel = snapshotRel(job.ns, job.type, job.id, time);
  const abs = `${store.config.path}/${rel}`;
  const snapshot: Snapshot = {
    time,
    files: [],
    manifestSize: 0,
    clientLog: false,
    protected: false,
    signed: job.cryptMode !== 'none',
    finished: false,
  };
  if (job.fingerprint) snapshot.fingerprint = job.fingerprint;
  if (job.notes) snapshot.notes = job.notes;
  group.snapshots.push(snapshot);
  store.writers.set(task.taskId, time);
  // the new snapshot is locked while written, and PBS locks the base snapshot so that nobody forgets or
  // prunes it during the backup
  store.locks.push({ snap: snapshot, from: time, until: Infinity, task: task.taskId });
  if (reuse) store.locks.push({ snap: reuse, from: time, until: Infinity, task: task.taskId });

  const log = new TaskLogWriter(time);
  log.log(`starting new backup on datastore '${store.name}' from ${job.clientIp ?? '::ffff:192.168.10.21'}: "${rel}"`);
  if (prev) {
    log.log(`download 'index.json.blob' from previous backup.`);
    for (const f of prev.files.filter(isIndex)) {
      if (reuse && job.archives.some((a) => a.filename === f.filename)) {
        log.log(`register chunks in '${f.filename}' from previous backup.`);
        log.log(`download '${f.filename}' from previous backup.`);
      }
    }
  }
  log.spend(1);
  const stats: IndexStat[] = [];
  let wid = 0;
  let blobs = 0;
  for (const a of job.archives) {
    if (a.kind === 'blob') {
      const size = a.size ?? 0;
      snapshot.files.push({ kind: 'blob', filename: a.filename, size, cryptMode: job.cryptMode });
      blobs += size;
      log.log(`add blob "${abs}/${a.filename}" (${size} bytes, comp: ${size})`);
      continue;
    }
    wid++;
    const known = new Set(
      reuse?.files
        .filter(isIndex)
        .find((f) => f.filename === a.filename)
        ?.refs.map((r) => r.atom) ?? [],
    );
    const st: IndexStat = {
      file: snapshot.files[0] as ArchiveFile,
      wid,
      chunkCount: 0,
      uploadedChunks: 0,
      uploadedBytes: 0,
      serverDups: 0,
      compressed: 0,
    };
    let size = 0;
    for (const at of a.atoms) {
      st.chunkCount += at.count;
      size += at.count * at.raw;
      if (known.has(at.id)) continue;
      const r = store.chunks.insertAtom(at.id, at.count, at.raw, at.disk, time);
      st.uploadedChunks += at.count;
      st.uploadedBytes += at.count * at.raw;
      st.serverDups += r.duplicates;
      st.compressed += at.count * at.disk;
    }
    const file: ArchiveFile = {
      kind: a.kind,
      filename: a.filename,
      size,
      chunkCount: st.chunkCount,
      refs: a.atoms.map((x) => ({ atom: x.id, n: x.count, raw: x.raw, chunking: x.chunking, a: undefined })),
      cryptMode: job.cryptMode,
      // the SHA-256 of the entries, computed when first needed (the manifest, this log's Checksum line)
      csum: '',
    };
    st.file = file;
    snapshot.files.push(file);
    stats.push(st);
    log.log(`created new ${a.kind === 'fidx' ? 'fixed' : 'dynamic'} index ${wid} ("${rel}/${a.filename}")`);
  }
  store.recordUsage(time);

  const finish = (at: number) => {
    if (!store.writers.has(task.taskId)) return;
    log.t = Math.max(log.t, at - 2);
    const total: UploadStats = { compressed_size: 0, count: 0, duplicates: 0, size: 0 };
    const checksums: [LogLine, IndexFile][] = [];
    for (const st of stats) {
      const line = logUploadStats(log, ctx, rel, st);
      if (line) checksums.push([line, st.file as IndexFile]);
      log.log(`successfully closed ${st.file.kind === 'fidx' ? 'fixed' : 'dynamic'} index ${st.wid}`);
      total.count += st.uploadedChunks;
      total.size += st.uploadedBytes;
      total.compressed_size += st.compressed;
      total.duplicates += st.serverDups;
    }
    snapshot.manifestSize = 300 + 130 * snapshot.files.length + (snapshot.signed ? 80 : 0);
    snapshot.uploadStats = total;
    snapshot.clientLog = job.clientLog;
    log.t = at;
    log.log(`add blob "${abs}/index.json.blob" (${snapshot.manifestSize} bytes, comp: ${snapshot.manifestSize})`);
    log.log('successfully finished backup');
    log.log('backup finished successfully');
    snapshot.finished = true;
    store.blobBytes += blobs + snapshot.manifestSize + (job.clientLog ? 2048 : 0);
    store.writers.delete(task.taskId);
    store.releaseLocks(task.taskId);
    store.io.push({ start: time, end: at, readBytes: 0, writeBytes: total.compressed_size });
    store.recordUsage(at);
    // an index's checksum costs building the file: it is worked out when someone reads this log
    task.lines = () => {
      for (const [line, f] of checksums) line.msg = `Checksum: ${indexCsum(ctx.seed, rel, time, f)}`;
      return log.lines;
    };
    ctx.tasks.finish(task, at, 'OK');
    if (store.config['verify-new'] === true) {
      startVerify(
        ctx,
        store,
        { ns: job.ns, type: job.type, id: job.id, time, maxDepth: 0, ignoreVerified: false, auto: true },
        job.authid,
        at + 1,
      );
    }
  };
  task.lines = log.lines;
  task.onAbort = () => {
    store.writers.delete(task.taskId);
    store.releaseLocks(task.taskId);
    group.snapshots = group.snapshots.filter((s) => s !== snapshot);
  };
  return { task, snapshot, finish };
}

/** Logs an index's upload statistics; returns its `Checksum:` line, filled in when the log is read. */
function logUploadStats(log: TaskLogWriter, ctx: SimCtx, rel: string, st: IndexStat): LogLine | undefined {
  const f = st.file;
  log.log(`Upload statistics for '${f.filename}'`);
  log.log(`UUID: ${indexUuid(ctx.seed, rel, f.filename)}`);
  log.log('Checksum: ');
  const checksum = log.lines[log.lines.length - 1];
  log.log(`Size: ${f.size}`);
  log.log(`Chunk count: ${st.chunkCount}`);
  if (f.size === 0 || st.chunkCount === 0) return checksum;
  log.log(`Upload size: ${st.uploadedBytes} (${Math.floor((st.uploadedBytes * 100) / f.size)}%)`);
  const clientDups = Math.max(0, st.chunkCount - st.uploadedChunks);
  const dups = clientDups + st.serverDups;
  if (dups > 0) log.log(`Duplicates: ${clientDups}+${st.serverDups} (${Math.floor((dups * 100) / st.chunkCount)}%)`);
  if (st.uploadedBytes > 0) log.log(`Compression: ${Math.floor((st.compressed * 100) / st.uploadedBytes)}%`);
  return checksum;
}

/** A nightly backup into a full datastore: the first chunk upload fails and the snapshot is removed. */
export function failedBackup(
  ctx: SimCtx,
  store: Datastore,
  ns: string,
  type: BackupType,
  id: string,
  authid: string,
  time: number,
): void {
  const task = ctx.tasks.create('backup', `${store.name}:${type}/${id}`, authid, time);
  const rel = snapshotRel(ns, type, id, time);
  const digest = hexOf(ctx.seed, `enospc:${rel}`, 64);
  const err = `inserting chunk on store '${store.name}' failed for ${digest} - No space left on device (os error 28)`;
  const log = new TaskLogWriter(time);
  log.log(`starting new backup on datastore '${store.name}' from ::ffff:192.168.10.21: "${rel}"`);
  log.spend(2);
  log.log(`backup failed: ${err}`);
  log.log('removing failed backup');
  task.lines = log.lines;
  ctx.tasks.finish(task, time + 2, err);
}
