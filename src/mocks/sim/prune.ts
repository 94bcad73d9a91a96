// Retention: PBS's keep rules (last → hourly → daily → weekly → monthly → yearly, local time) and the
// prune job task that applies them nightly (pbs-formats.md §6.4).
import type { SimCtx } from './ctx';
import type { Datastore } from './datastore';
import type { Group, Snapshot } from './content';
import { TaskLogWriter } from './task-log';
import { compareGroups } from './store-progress';
import { keepOptionsText, prunePlan, type KeepOptions } from '@/lib/prune';
import { formatRfc3339Utc } from '@/lib/tz';

export type { KeepOptions } from '@/lib/prune';
export { keepOptionsText } from '@/lib/prune';

export type Mark = 'keep' | 'remove' | 'protected' | 'keep-partial';

/** Marks per snapshot, in the words the prune task log uses. */
export function computePrune(snaps: Snapshot[], keep: KeepOptions, zone: string): Map<Snapshot, Mark> {
  const plan = prunePlan(snaps, keep, zone);
  const marks = new Map<Snapshot, Mark>();
  for (const [s, d] of plan) {
    marks.set(s, d.reason === 'protected' ? 'protected' : d.reason === 'unfinished' ? 'keep-partial' : d.keep ? 'keep' : 'remove');
  }
  return marks;
}

export function removeSnapshot(store: Datastore, g: Group, s: Snapshot) {
  g.snapshots = g.snapshots.filter((x) => x !== s);
  store.blobBytes -= s.files.reduce((sum, f) => sum + (f.kind === 'blob' ? f.size : 0), 0) + s.manifestSize + (s.clientLog ? 2048 : 0);
}

/** A `prunejob` task over the whole datastore, applied at once. */
export function runPruneJob(ctx: SimCtx, store: Datastore, jobId: string, keep: KeepOptions, schedule: string, t0: number) {
  const task = ctx.tasks.create('prunejob', store.name, 'root@pam', t0);
  const log = new TaskLogWriter(t0);
  log.log(`prune job '${jobId}'`);
  log.log(`task triggered by schedule '${schedule}'`);
  log.log(`Starting datastore prune on datastore '${store.name}', root namespace, down to full depth`);
  log.log(`retention options: ${keepOptionsText(keep)}`);
  // the lines are rendered when someone reads the log; only the decisions are kept
  const decisions: { ns: string; type: string; id: string; marks: [number, Mark][] }[] = [];
  for (const ns of [...store.namespaces.keys()].sort()) {
    const groups = [...(store.namespaces.get(ns)?.values() ?? [])].sort(compareGroups);
    for (const g of groups) {
      const marks = computePrune(g.snapshots, keep, ctx.zone);
      const list: [number, Mark][] = [];
      for (const s of [...g.snapshots].sort((a, b) => a.time - b.time)) {
        const mark = marks.get(s) ?? 'keep';
        list.push([s.time, mark]);
        if (mark === 'remove') removeSnapshot(store, g, s);
      }
      decisions.push({ ns, type: g.type, id: g.id, marks: list });
      if (g.snapshots.length === 0) store.namespaces.get(ns)?.delete(`${g.type}/${g.id}`);
    }
  }
  store.recordUsage(t0);
  task.lines = () => {
    for (const d of decisions) {
      log.log(`Pruning group ${d.ns}:"${d.type}/${d.id}"`);
      for (const [time, mark] of d.marks) log.log(`${mark} ${d.type}/${d.id}/${formatRfc3339Utc(time)}`);
    }
    return log.lines;
  };
  ctx.tasks.finish(task, t0 + 1, 'OK');
}
