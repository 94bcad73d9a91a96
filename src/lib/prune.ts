// PBS's retention rules (pbs-datastore prune): keep-last, then hourly, daily, weekly (ISO weeks), monthly and
// yearly, each counted in the server's time zone over the snapshots no earlier rule kept. Protected
// snapshots are never removed; an unfinished snapshot is kept only if it is the group's newest.
import { localParts } from './tz';

export interface KeepOptions {
  'keep-last'?: number;
  'keep-hourly'?: number;
  'keep-daily'?: number;
  'keep-weekly'?: number;
  'keep-monthly'?: number;
  'keep-yearly'?: number;
}

export const KEEP_RULES = [
  'keep-last',
  'keep-hourly',
  'keep-daily',
  'keep-weekly',
  'keep-monthly',
  'keep-yearly',
] as const;
export type KeepRule = (typeof KEEP_RULES)[number];

export interface PruneCandidate {
  /** backup time, epoch seconds */
  time: number;
  protected?: boolean;
  /** false while the backup that writes it still runs (PBS: no manifest yet) */
  finished?: boolean;
}

/** Why a snapshot stays or goes. */
export type PruneReason = KeepRule | 'protected' | 'unfinished' | 'unfinished-superseded' | 'no-rule';

export interface PruneDecision {
  keep: boolean;
  reason: PruneReason;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 week of a calendar date, as `YYYY/WW` (week-numbering year). */
export function isoWeek(y: number, m: number, d: number): string {
  // the week belongs to the year of its Thursday, and is counted from that year's first Thursday
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + 3);
  const wy = date.getUTCFullYear();
  const week = 1 + Math.floor((date.getTime() - Date.UTC(wy, 0, 1)) / (7 * 86400000));
  return `${wy}/${pad(week)}`;
}

type Selector = (time: number) => string;

const isRule = (r: PruneReason | undefined): boolean => (KEEP_RULES as readonly string[]).includes(r ?? '');

function selectors(zone: string): Record<KeepRule, Selector> {
  const parts = (t: number) => localParts(t, zone);
  return {
    'keep-last': (t) => String(t),
    'keep-hourly': (t) => {
      const p = parts(t);
      return `${p.year}/${p.month}/${p.day}/${p.hour}`;
    },
    'keep-daily': (t) => {
      const p = parts(t);
      return `${p.year}/${p.month}/${p.day}`;
    },
    'keep-weekly': (t) => {
      const p = parts(t);
      return isoWeek(p.year, p.month, p.day);
    },
    'keep-monthly': (t) => {
      const p = parts(t);
      return `${p.year}/${p.month}`;
    },
    'keep-yearly': (t) => String(parts(t).year),
  };
}

/**
 * Decisions for one group's snapshots (any order in; the map is keyed by the objects passed), as PBS's
 * compute_prune_info: with no keep option at all every finished snapshot comes out `no-rule`; PBS then keeps
 * everything anyway (see keepsSomething), but still logs the marks.
 */
export function prunePlan<T extends PruneCandidate>(
  snaps: readonly T[],
  keep: KeepOptions,
  zone: string,
): Map<T, PruneDecision> {
  const list = [...snaps].sort((a, b) => b.time - a.time);
  const out = new Map<T, PruneDecision>();
  // only the newest snapshot may be an unfinished one worth keeping; any older unfinished one goes
  let keepUnfinished = true;
  for (const s of list) {
    if (s.finished !== false) keepUnfinished = false;
    else {
      out.set(
        s,
        keepUnfinished ? { keep: true, reason: 'unfinished' } : { keep: false, reason: 'unfinished-superseded' },
      );
      keepUnfinished = false;
    }
  }
  const sel = selectors(zone);
  for (const rule of KEEP_RULES) {
    const n = keep[rule];
    if (n === undefined) continue;
    const key = sel[rule];
    const already = new Set<string>();
    for (const s of list) if (isRule(out.get(s)?.reason)) already.add(key(s.time));
    const included = new Set<string>();
    for (const s of list) {
      if (out.has(s)) continue;
      if (s.protected) {
        out.set(s, { keep: true, reason: 'protected' });
        continue;
      }
      const id = key(s.time);
      if (already.has(id)) continue;
      if (included.has(id)) {
        // an older snapshot of a period this rule already kept is marked for removal here, so no later rule
        // can pick it (this matters where periods do not nest: an ISO week that spans two months)
        out.set(s, { keep: false, reason: 'no-rule' });
        continue;
      }
      if (included.size >= n) break;
      included.add(id);
      out.set(s, { keep: true, reason: rule });
    }
  }
  for (const s of list) {
    if (s.protected) out.set(s, { keep: true, reason: 'protected' });
    else if (!out.has(s)) out.set(s, { keep: false, reason: 'no-rule' });
  }
  return out;
}

/** KeepOptions::keeps_something: without any keep option PBS keeps every snapshot. */
export function keepsSomething(k: KeepOptions): boolean {
  return KEEP_RULES.some((r) => (k[r] ?? 0) > 0);
}

/** `--keep-daily 7 --keep-weekly 4`, as PBS logs the options of a prune. */
export function keepOptionsText(k: KeepOptions): string {
  return KEEP_RULES.filter((o) => (k[o] ?? 0) > 0)
    .map((o) => `--${o} ${k[o]}`)
    .join(' ');
}
