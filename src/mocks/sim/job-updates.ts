// PUT /config/verify/{id} and /config/prune/{id} as PBS applies them (src/api2/config/{verify,prune}.rs),
// quirks included: they differ in how they trim comments, treat the root namespace and detect schedule changes.
import { KEEP_RULES } from '@/lib/prune';
export { keepsSomething } from '@/lib/prune';
import type { VerifyJobConfig } from './types';
import type { PruneJobConfig } from './job-types';

const MAX_DEPTH = 7;

function drop<C extends object>(c: C, keys: string[]): C {
  const out = { ...c } as Record<string, unknown>;
  for (const k of keys) delete out[k];
  return out as C;
}

export function applyVerifyUpdate(old: VerifyJobConfig, p: Partial<VerifyJobConfig>, del: string[]) {
  const c = drop(old, del);
  if (p.comment !== undefined) {
    const t = p.comment.trim();
    if (t === '') delete c.comment;
    else c.comment = t;
  }
  if (p.store !== undefined) c.store = p.store;
  if (p['ignore-verified'] !== undefined) c['ignore-verified'] = p['ignore-verified'];
  if (p['outdated-after'] !== undefined) c['outdated-after'] = p['outdated-after'];
  // PBS compares the stored schedule with the one sent, so an update without `schedule` on a scheduled job
  // counts as a change too (and moves the job's last run time to now)
  const scheduleChanged = c.schedule !== p.schedule;
  if (p.schedule !== undefined) c.schedule = p.schedule;
  // an empty (root) namespace is ignored here; only `delete=ns` resets it
  if (p.ns !== undefined && p.ns !== '') c.ns = p.ns;
  if (p['max-depth'] !== undefined && p['max-depth'] <= MAX_DEPTH) c['max-depth'] = p['max-depth'];
  return { config: c, scheduleChanged };
}

export function applyPruneUpdate(old: PruneJobConfig, p: Partial<PruneJobConfig>, del: string[]) {
  const c = drop(old, del);
  let recheck = false;
  if (p.store !== undefined) {
    recheck = true;
    c.store = p.store;
  }
  if (p.ns !== undefined) {
    recheck = true;
    if (p.ns === '') delete c.ns;
    else c.ns = p.ns;
  }
  let scheduleChanged = false;
  if (p.schedule !== undefined) {
    scheduleChanged = c.schedule !== p.schedule;
    c.schedule = p.schedule;
  }
  if (p['max-depth'] !== undefined && p['max-depth'] <= MAX_DEPTH) c['max-depth'] = p['max-depth'];
  if (p.disable !== undefined) {
    if (p.disable) c.disable = true;
    else delete c.disable;
  }
  // prune keeps the comment as sent (no trim, no clearing)
  if (p.comment !== undefined) c.comment = p.comment;
  for (const r of KEEP_RULES) if (p[r] !== undefined) c[r] = p[r];
  return { config: c, scheduleChanged, recheck };
}
