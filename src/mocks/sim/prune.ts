// Retention: PBS's keep rules (last → hourly → daily → weekly → monthly → yearly, local time) and the
// prune job task that applies them nightly (pbs-formats.md §6.4).
import type { SimCtx } from './ctx';
import type { Datastore } from './datastore';
import type { Group, Snapshot } from './content';
import { TaskLogWriter } from './task-log';
import { compareGroups } from './store-progress';
import { localParts } from '@/lib/tz';
import { formatRfc3339Utc } from '@/lib/tz';

export interface KeepOptions {
  'keep-last'?: number;
  'keep-hourly'?: number;
  'keep-daily'?: number;
  'keep-weekly'?: number;
  'keep-monthly'?: number;
  'keep-yearly'?: number;
}

export type Mark = 'keep' | 'remove' | 'protected' | 'keep-partial';

const pad = (n: number) => String(n).padStart(2, '0');

function isoWeek(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day + 3);
  const wy = date.getUTCFullYear();
  const first = new Date(Date.UTC(wy, 0, 4));
  const week = 1 + Math.round((date.getTime() - first.getTime()) / 86400000 / 7 - ((first.getUTCDay() + 6) % 7 - 3) / 7);
  return `${wy}/${pad(week)}`;
}

interface Periods {
  zone: string;
  hour: string;
  day: string;
  week: string;
  month: string;
  year: string;
}
// a snapshot's periods never change; the nightly prune job asks for them again and again
const periodCache = new WeakMap<Snapshot, Periods>();

function periods(s: Snapshot, zone: string): Periods {
  const hit = periodCache.get(s);
  if (hit && hit.zone === zone) return hit;
  const p = localParts(s.time, zone);
  const out = {
    zone,
    hour: `${p.year}/${p.month}/${p.day}/${p.hour}`,
    day: `${p.year}/${p.month}/${p.day}`,
    week: isoWeek(p.year, p.month, p.day),
    month: `${p.year}/${p.month}`,
    year: String(p.year),
  };
  periodCache.set(s, out);
  return out;
}

/** Marks per snapshot (newest first in, same order out). */
export function computePrune(snaps: Snapshot[], keep: KeepOptions, zone: string): Map<Snapshot, Mark> {
  const list = [...snaps].sort((a, b) => b.time - a.time);
  const marks = new Map<Snapshot, Mark>();
  const newestFinished = list.find((s) => s.finished);
  for (const s of list) if (!s.finished) marks.set(s, newestFinished && newestFinished.time > s.time ? 'remove' : 'keep-partial');
  const rules: [number | undefined, (s: Snapshot) => string][] = [
    [keep['keep-last'], (s) => String(s.time)],
    [keep['keep-hourly'], (s) => periods(s, zone).hour],
    [keep['keep-daily'], (s) => periods(s, zone).day],
    [keep['keep-weekly'], (s) => periods(s, zone).week],
    [keep['keep-monthly'], (s) => periods(s, zone).month],
    [keep['keep-yearly'], (s) => periods(s, zone).year],
  ];
  for (const [n, sel] of rules) {
    if (!n) continue;
    const already = new Set<string>();
    for (const s of list) if (marks.get(s) === 'keep') already.add(sel(s));
    const included = new Set<string>();
    for (const s of list) {
      if (marks.has(s)) continue;
      if (s.protected) {
        marks.set(s, 'protected');
        continue;
      }
      const id = sel(s);
      if (already.has(id)) continue;
      if (!included.has(id)) {
        if (included.size >= n) break;
        included.add(id);
        marks.set(s, 'keep');
      }
    }
  }
  for (const s of list) if (!marks.has(s)) marks.set(s, s.protected ? 'protected' : 'remove');
  return marks;
}

export function keepOptionsText(k: KeepOptions): string {
  const order = ['keep-last', 'keep-hourly', 'keep-daily', 'keep-weekly', 'keep-monthly', 'keep-yearly'] as const;
  return order.filter((o) => (k[o] ?? 0) > 0).map((o) => `--${o} ${k[o]}`).join(' ');
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
