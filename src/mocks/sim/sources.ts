// Recurring activity of the demo server: nightly guest backups and gc-schedule (jobs: see jobs.ts).
import type { SimCtx } from './ctx';
import type { Datastore } from './datastore';
import { archivesFor, type Guest } from './guests';
import { failedBackup, startBackup } from './backup';
import { startGc } from './gc';
import { startLazyGc } from './gc-lazy';
import { nextRun, type Source } from './schedule';
import { fromLocal, localParts, zoneOffset } from '@/lib/tz';
import { intIn } from './random';

function nightly(at: number, after: number, zone: string, prev?: number): number {
  if (prev !== undefined) {
    // the same wall-clock time a day later: a day on, corrected by a DST change in between
    const t = prev + 86400 + zoneOffset(prev, zone) - zoneOffset(prev + 86400, zone);
    if (t > after) return t;
  }
  const p = localParts(after, zone);
  const h = Math.floor(at / 3600);
  const m = Math.floor((at % 3600) / 60);
  const s = at % 60;
  for (let d = 0; d < 3; d++) {
    const day = new Date(Date.UTC(p.year, p.month - 1, p.day + d));
    const t = fromLocal(
      {
        year: day.getUTCFullYear(),
        month: day.getUTCMonth() + 1,
        day: day.getUTCDate(),
        hour: h,
        minute: m,
        second: s,
      },
      zone,
    );
    if (t > after) return t;
  }
  return after + 86400;
}

export function guestSource(ctx: SimCtx, g: Guest & { until?: number }): Source {
  let k = 0;
  let next: number | null = nightly(g.at, g.since - 1, ctx.zone);
  const conf = intIn(ctx.seed, `conf:${g.store}/${g.id}`, 380, 900);
  return {
    next: () => next,
    fire(at) {
      next = nightly(g.at, at, ctx.zone, at);
      if (g.until !== undefined && next > g.until) next = null;
      const store = ctx.stores.get(g.store);
      if (!store) return;
      if (store.fullDisk) {
        failedBackup(ctx, store, g.ns, g.type, g.id, g.owner, at);
        return;
      }
      const archives = archivesFor(g, k, Math.floor(at / 86400), conf);
      const run = startBackup(ctx, {
        store,
        ns: g.ns,
        type: g.type,
        id: g.id,
        owner: g.owner,
        authid: g.owner,
        time: at,
        archives,
        cryptMode: g.encrypted ? 'encrypt' : g.signed ? 'sign-only' : 'none',
        fingerprint: g.fingerprint,
        notes: g.name,
        clientLog: g.clientLog,
      });
      const group = store.namespaces.get(g.ns)?.get(`${g.type}/${g.id}`);
      if (group && !group.notes) group.notes = g.name;
      if (k === 0 && g.family === 'windows' && g.ns === '') run.snapshot.protected = true;
      const changed = k === 0 ? g.chunks : Math.round(g.chunks * 0.022);
      const duration =
        45 + Math.round((changed * g.chunkRaw) / (140 * 1024 * 1024)) + intIn(ctx.seed, `dur:${g.id}:${k}`, 0, 30);
      k++;
      ctx.at(at + duration, () => run.finish(at + duration));
    },
  };
}

export function gcSource(ctx: SimCtx, store: Datastore): Source {
  const schedule = () => store.config['gc-schedule'];
  // asked on every turn of the event loop: remember the answer while its inputs stay the same
  let memo: { s: unknown; m: unknown; last: number; next: number | null } | undefined;
  return {
    next() {
      const s = schedule();
      const m = store.config['maintenance-mode'];
      const last = Math.max(store.gcLast?.endtime ?? 0, store.gcScheduleSince);
      if (memo && memo.s === s && memo.m === m && memo.last === last) return memo.next;
      const next = typeof s !== 'string' || store.maintenance() ? null : nextRun(s, last, ctx.zone);
      memo = { s, m, last, next };
      return next;
    },
    fire(at) {
      const s = String(schedule());
      if (store.gcRunning) {
        store.gcScheduleSince = at;
        return;
      }
      (store.lazy ? startLazyGc : startGc)(ctx, store, 'root@pam', at, s);
      store.gcScheduleSince = at;
    },
  };
}
