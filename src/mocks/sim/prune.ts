// Retention: PBS's keep rules (lib/prune, in the server's zone) and the datastore prune that applies them, as a
// `prune` task (POST …/prune-datastore) or a `prunejob` task (src/server/prune_job.rs; pbs-formats.md §6.4).
import type { SimCtx } from './ctx';
import type { Datastore } from './datastore';
import type { Group, Snapshot } from './content';
import { TaskLogWriter, statusFor } from './task-log';
import { snapshotRel } from './index-file';
import { compareGroups } from './store-progress';
import { keepOptionsText, keepsSomething, prunePlan, type KeepOptions } from '@/lib/prune';
import { formatRfc3339Utc } from '@/lib/tz';
import type { SimTask } from './tasks';
import type { PruneDatastoreOptions } from './job-types';

export type { KeepOptions } from '@/lib/prune';
export { keepOptionsText } from '@/lib/prune';

export type Mark = 'keep' | 'remove' | 'protected' | 'keep-partial';

/** Marks per snapshot, in the words the prune task log uses (PruneMark's Display). */
export function computePrune(snaps: Snapshot[], keep: KeepOptions, zone: string): Map<Snapshot, Mark> {
  const plan = prunePlan(snaps, keep, zone);
  const marks = new Map<Snapshot, Mark>();
  for (const [s, d] of plan) {
    marks.set(
      s,
      d.reason === 'protected' ? 'protected' : d.reason === 'unfinished' ? 'keep-partial' : d.keep ? 'keep' : 'remove',
    );
  }
  return marks;
}

/** BackupDir::destroy's lock_dir_noblock: a snapshot that a running backup, verify or reader holds stays. */
export function snapshotLockError(store: Datastore, ns: string, g: Group, s: Snapshot): string {
  const path = `${store.config.path}/${snapshotRel(ns, g.type, g.id, s.time)}`;
  return `unable to acquire lock on snapshot directory "${path}" - possibly running or in use`;
}

/**
 * Removes a snapshot prune marked `remove`; a locked one stays, and the returned warning is what PBS logs
 * ("failed to remove dir …").
 */
export function pruneRemove(store: Datastore, ns: string, g: Group, s: Snapshot, t: number): string | undefined {
  if (!store.lockedAt(s, t)) {
    removeSnapshot(store, g, s, t);
    return undefined;
  }
  return `failed to remove dir "${snapshotRel(ns, g.type, g.id, s.time)}": ${snapshotLockError(store, ns, g, s)}`;
}

/** Removes the snapshot's directory at `at`; on the computed large store the content remembers it. */
export function removeSnapshot(store: Datastore, g: Group, s: Snapshot, at: number) {
  g.snapshots = g.snapshots.filter((x) => x !== s);
  store.lazy?.forget(g.type, g.id, s.time, at);
  store.blobBytes -=
    s.files.reduce((sum, f) => sum + (f.kind === 'blob' ? f.size : 0), 0) + s.manifestSize + (s.clientLog ? 2048 : 0);
}

/** The `--ns … --max-depth … --keep-…` text of a datastore prune (cli_prune_options_string). */
export function pruneOptionsText(o: PruneDatastoreOptions): string {
  const parts: string[] = [];
  if (o.ns) parts.push(`--ns ${o.ns}`);
  if (o['max-depth'] !== undefined) parts.push(`--max-depth ${o['max-depth']}`);
  const keep = keepOptionsText(o);
  if (keep) parts.push(keep);
  return parts.join(' ');
}

const depthText = (d: number) => (d === 7 ? 'down to full depth' : d > 0 ? `to depth ${d}` : 'non-recursive');

export interface DatastorePrune {
  options: PruneDatastoreOptions;
  dryRun?: boolean;
  /** groups the caller may prune (PBS: Modify, or Prune and owning the group); all when absent */
  mayPrune?: (ns: string, owner: string) => boolean;
  /** lines before the prune's own (the prune job's name and schedule) */
  prelude?: string[];
}

/** prune_datastore: every group in the namespace subtree, marks oldest first, removals applied at once. */
export function pruneDatastore(ctx: SimCtx, store: Datastore, task: SimTask, p: DatastorePrune, t0: number): void {
  const o = p.options;
  const base = o.ns ?? '';
  const depth = o['max-depth'] ?? 7;
  const log = new TaskLogWriter(t0);
  for (const line of p.prelude ?? []) log.log(line);
  log.log(
    `Starting datastore prune on datastore '${store.name}', ${base ? `namespace '${base}'` : 'root namespace'}, ${depthText(depth)}`,
  );
  if (p.dryRun) log.log('(dry test run)');
  const keepAll = !keepsSomething(o);
  log.log(keepAll ? 'No prune selection - keeping all files.' : `retention options: ${pruneOptionsText(o)}`);
  // the lines are rendered when someone reads the log; only the decisions are kept
  const decisions: { ns: string; type: string; id: string; marks: [number, Mark, string?][] }[] = [];
  let warnings = 0;
  const baseDepth = base ? base.split('/').length : 0;
  for (const ns of [...store.namespaces.keys()].sort()) {
    const inside = base === '' || ns === base || ns.startsWith(`${base}/`);
    if (!inside || (ns ? ns.split('/').length : 0) - baseDepth > depth) continue;
    const groups = [...(store.namespaces.get(ns)?.values() ?? [])]
      .filter((g) => g.snapshots.length > 0)
      .sort(compareGroups);
    for (const g of groups) {
      if (p.mayPrune && !p.mayPrune(ns, g.owner)) continue;
      const marks = computePrune(g.snapshots, o, ctx.zone);
      const list: [number, Mark, string?][] = [];
      for (const s of [...g.snapshots].sort((a, b) => a.time - b.time)) {
        const mark = marks.get(s) ?? 'keep';
        const failed = mark === 'remove' && !keepAll && !p.dryRun ? pruneRemove(store, ns, g, s, t0) : undefined;
        if (failed) warnings++;
        list.push(failed ? [s.time, mark, failed] : [s.time, mark]);
      }
      decisions.push({ ns, type: g.type, id: g.id, marks: list });
      if (g.snapshots.length === 0) store.namespaces.get(ns)?.delete(`${g.type}/${g.id}`);
    }
  }
  store.recordUsage(t0);
  const would = p.dryRun ? 'would ' : '';
  task.lines = () => {
    for (const d of decisions) {
      log.log(`Pruning group ${d.ns}:"${d.type}/${d.id}"`);
      for (const [time, mark, failed] of d.marks) {
        log.log(`${would}${mark} ${d.type}/${d.id}/${formatRfc3339Utc(time)}`);
        if (failed) log.warn(failed);
      }
    }
    return log.lines;
  };
  ctx.tasks.finish(task, t0 + 1, statusFor(warnings));
}

/** A `prunejob` task (do_prune_job): worker id `{store}` or `{store}:{ns}`. */
export function runPruneJob(
  ctx: SimCtx,
  store: Datastore,
  job: PruneDatastoreOptions & { id: string },
  authid: string,
  t0: number,
  schedule?: string,
): SimTask {
  const task = ctx.tasks.create('prunejob', job.ns ? `${store.name}:${job.ns}` : store.name, authid, t0);
  const prelude = [`prune job '${job.id}'`, ...(schedule ? [`task triggered by schedule '${schedule}'`] : [])];
  const { id: _id, ...options } = job;
  pruneDatastore(ctx, store, task, { options, prelude }, t0);
  return task;
}
