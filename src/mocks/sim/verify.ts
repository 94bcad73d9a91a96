// Verify: re-reads every chunk a snapshot references, moves corrupt chunks aside as `.bad`, and records
// the result in each manifest (pbs-formats.md §6.5).
import type { SimCtx } from './ctx';
import { ChunkStore } from './chunks';
import type { Datastore } from './datastore';
import { isIndex, type Group, type Snapshot } from './content';
import { findGroup } from './listing';
import { TaskLogWriter } from './task-log';
import { formatProgress, compareGroups } from './store-progress';
import { upidStarttime } from './upid';
import { formatRfc3339Utc } from '@/lib/tz';
import type { BackupType } from './types';
import type { SimTask } from './tasks';

export interface VerifyScope {
  ns: string;
  type?: BackupType;
  id?: string;
  time?: number;
  maxDepth: number;
  ignoreVerified: boolean;
  outdatedAfter?: number;
  job?: { id: string; schedule?: string };
  /** the datastore's verify-new: a `verify` task right after a backup */
  auto?: boolean;
}

const FAILED = 'verification failed - please check the log for details';
const MiB = 1024 * 1024;

const nsDir = (ns: string) =>
  ns
    .split('/')
    .filter(Boolean)
    .map((c) => `ns/${c}`)
    .join('/');
const hex8 = (t: number) => t.toString(16).toUpperCase().padStart(8, '0');

function worker(store: string, s: VerifyScope): [string, string] {
  if (s.job) return ['verificationjob', `${store}:${s.job.id}`];
  if (s.auto) return ['verify', `${store}:${s.type}/${s.id}/${hex8(s.time ?? 0)}`];
  const nsp = nsDir(s.ns);
  if (s.type && s.id && s.time !== undefined)
    return ['verify_snapshot', `${store}:${nsp}/${s.type}/${s.id}/${hex8(s.time)}`];
  if (s.type && s.id) return ['verify_group', `${store}:${nsp}/${s.type}/${s.id}`];
  return ['verify', s.ns ? `${store}:${nsp}` : store];
}

interface Effects {
  results: { snap: Snapshot; state: 'ok' | 'failed' }[];
  renamed: Map<string, number>;
}

class Run {
  readonly verified = new Set<string>();
  readonly corrupt = new Set<string>();
  readonly fx: Effects = { results: [], renamed: new Map() };
  readonly failed: string[] = [];

  constructor(
    readonly store: Datastore,
    readonly log: TaskLogWriter,
    readonly scope: VerifyScope,
    readonly now: number,
    /** the task, whose shared lock each snapshot holds while it is read */
    readonly taskId: number,
  ) {}

  skip(s: Snapshot): boolean {
    if (!this.scope.ignoreVerified || !s.verification) return false;
    if (this.scope.outdatedAfter === undefined) return true;
    return Math.floor((this.now - upidStarttime(s.verification.upid)) / 86400) <= this.scope.outdatedAfter;
  }

  snapshot(ns: string, g: Group, s: Snapshot): boolean {
    const dir = `${g.type}/${g.id}/${formatRfc3339Utc(s.time)}`;
    const name = this.store.name;
    if (this.skip(s)) {
      this.log.log(`SKIPPED: verify ${name}:${dir} (recently verified)`);
      return true;
    }
    this.log.log(`verify ${name}:${dir}`);
    const from = this.log.t;
    let ok = true;
    for (const f of s.files) {
      this.log.log(`  check ${f.filename}`);
      if (!isIndex(f)) continue;
      let errors = 0;
      let read = 0;
      let decoded = 0;
      for (const r of f.refs) {
        const a = this.store.chunks.resolve(r);
        const present = a ? Math.min(r.n, a.total - a.missing) : 0;
        const corrupt = a ? Math.min(present, a.corrupt) : 0;
        const fresh = !this.verified.has(r.atom);
        if (this.corrupt.has(r.atom)) {
          for (let k = present - corrupt; k < r.n; k++)
            this.log.log(`chunk ${ChunkStore.digest(r.atom, k)} was marked as corrupt`);
          errors += r.n - (present - corrupt);
          continue;
        }
        if (!fresh) continue;
        this.verified.add(r.atom);
        const good = present - corrupt;
        read += good * (a?.diskSize ?? 0);
        decoded += good * r.raw;
        for (let k = good; k < present; k++) {
          const d = ChunkStore.digest(r.atom, k);
          this.log.log(
            `can't verify chunk, load failed - store '${name}', unable to load chunk '${d}' - Data blob has wrong CRC checksum.`,
          );
          this.log.log(`corrupted chunk renamed to "${this.store.config.path}/.chunks/${d.slice(0, 4)}/${d}.0.bad"`);
        }
        for (let k = present; k < r.n; k++) {
          const d = ChunkStore.digest(r.atom, k);
          this.log.log(
            `can't verify chunk, load failed - store '${name}', unable to load chunk '${d}' - No such file or directory (os error 2)`,
          );
        }
        if (corrupt > 0) this.fx.renamed.set(r.atom, corrupt);
        if (present < r.n || corrupt > 0) {
          this.corrupt.add(r.atom);
          errors += r.n - good;
        }
      }
      const speed = 380 + (this.store.name.length % 5) * 40;
      const secs = Math.max(0.01, decoded / MiB / speed);
      this.log.spend(secs);
      const rm = read / MiB;
      const dm = decoded / MiB;
      this.log.log(
        `  verified ${rm.toFixed(2)}/${dm.toFixed(2)} MiB in ${secs.toFixed(2)} seconds, speed ${(rm / secs).toFixed(2)}/${(dm / secs).toFixed(2)} MiB/s (${errors} errors)`,
      );
      if (errors > 0) {
        this.log.log(`verify ${name}:${dir}/${f.filename} failed: chunks could not be verified`);
        ok = false;
      }
    }
    this.store.locks.push({ snap: s, from, until: this.log.t, task: this.taskId });
    this.fx.results.push({ snap: s, state: ok ? 'ok' : 'failed' });
    if (!ok) this.failed.push(`${ns ? `${nsDir(ns)}/` : ''}${dir}`);
    return ok;
  }

  group(ns: string, g: Group, progress: { doneGroups: number; totalGroups: number }) {
    const snaps = g.snapshots.filter((s) => s.finished).reverse();
    this.log.log(`verify group ${this.store.name}:${g.type}/${g.id} (${snaps.length} snapshots)`);
    snaps.forEach((s, i) => {
      this.snapshot(ns, g, s);
      this.log.log(
        `percentage done: ${formatProgress({ ...progress, doneSnapshots: i + 1, groupSnapshots: snaps.length })}`,
      );
    });
  }
}

function groupsInScope(store: Datastore, s: VerifyScope): { ns: string; g: Group }[] {
  const base = s.ns ? s.ns.split('/').length : 0;
  const out: { ns: string; g: Group }[] = [];
  for (const [ns, groups] of store.namespaces) {
    const inside = s.ns === '' || ns === s.ns || ns.startsWith(`${s.ns}/`);
    const depth = (ns ? ns.split('/').length : 0) - base;
    if (!inside || depth > s.maxDepth) continue;
    for (const g of groups.values()) out.push({ ns, g });
  }
  return out.sort((a, b) => compareGroups(a.g, b.g));
}

export function startVerify(ctx: SimCtx, store: Datastore, scope: VerifyScope, authid: string, t0: number): SimTask {
  const [type, id] = worker(store.name, scope);
  const task = ctx.tasks.create(type, id, authid, t0);
  const log = new TaskLogWriter(t0);
  const run = new Run(store, log, scope, t0, task.taskId);
  if (scope.job) {
    // PBS names the job `{store}:{job id}` here, as in the worker id
    log.log(`Starting datastore verify job '${store.name}:${scope.job.id}'`);
    if (scope.job.schedule) log.log(`task triggered by schedule '${scope.job.schedule}'`);
  }
  if (scope.auto) log.log('Automatically verifying newly added snapshot');
  if (scope.type && scope.id) {
    // verifyScope checked that the group exists; findGroup also reaches the large profile's lazy groups.
    const g = findGroup(store, scope.ns, scope.type, scope.id);
    if (scope.time !== undefined) {
      const s = g.snapshots.find((x) => x.time === scope.time);
      if (s) run.snapshot(scope.ns, g, s);
    } else run.group(scope.ns, g, { doneGroups: 0, totalGroups: 1 });
  } else {
    log.log(`verify datastore ${store.name}`);
    const list = groupsInScope(store, scope);
    log.log(`found ${list.length} groups`);
    list.forEach(({ ns, g }, i) => run.group(ns, g, { doneGroups: i, totalGroups: list.length }));
  }
  if (run.failed.length > 0) {
    log.log('Failed to verify the following snapshots/groups:');
    for (const f of run.failed) log.log(`\t${f}`);
  }
  const end = Math.ceil(log.t) + 1;
  const status = run.failed.length > 0 ? FAILED : 'OK';
  task.lines = log.lines;
  task.endtime = end;
  task.status = status;
  const done = ctx.at(end, () => {
    for (const r of run.fx.results) r.snap.verification = { state: r.state, upid: task.upid };
    for (const [atom, n] of run.fx.renamed) store.chunks.markBad(atom, n);
    store.io.push({ start: t0, end, readBytes: 0, writeBytes: 0 });
    store.releaseLocks(task.taskId);
  });
  task.onAbort = () => {
    done.cancel();
    store.releaseLocks(task.taskId);
  };
  // verify_all_backups stops with an error; a job words it itself (src/server/verify_job.rs)
  if (scope.job) task.abortStatus = 'verification failed - job aborted';
  return task;
}
