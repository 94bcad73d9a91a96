// Form values of a prune job ⇄ PBS's parameters. Inputs stay strings until sent; an emptied optional field
// is sent as `delete` on edit (PBS keeps the old value otherwise), and left out on create.
import type { Params } from '@/api/client';
import type { PruneJobConfig } from '@/api/schemas/prune';
import { KEEP_RULES, type KeepOptions, type KeepRule } from '@/lib/prune';

export type KeepInputs = Record<KeepRule, string>;

export interface PruneJobForm {
  id: string;
  store: string;
  ns: string;
  maxDepth: string;
  schedule: string;
  enabled: boolean;
  comment: string;
  keep: KeepInputs;
}

export const emptyKeep = (): KeepInputs => Object.fromEntries(KEEP_RULES.map((r) => [r, ''])) as KeepInputs;

export function keepInputsOf(k: KeepOptions): KeepInputs {
  return Object.fromEntries(KEEP_RULES.map((r) => [r, k[r] === undefined ? '' : String(k[r])])) as KeepInputs;
}

/** The keep options the inputs spell (blank and unreadable ones left out: the field shows why). */
export function keepOptionsOf(inputs: KeepInputs): KeepOptions {
  const out: KeepOptions = {};
  for (const r of KEEP_RULES) {
    const v = inputs[r].trim();
    if (/^\d+$/.test(v) && Number(v) >= 1) out[r] = Number(v);
  }
  return out;
}

/** A local message per keep field that PBS would refuse (integers ≥ 1). */
export function keepErrors(inputs: KeepInputs): Partial<Record<KeepRule, string>> {
  const out: Partial<Record<KeepRule, string>> = {};
  for (const r of KEEP_RULES) {
    const v = inputs[r].trim();
    if (v !== '' && !(/^\d+$/.test(v) && Number(v) >= 1)) out[r] = 'A whole number of at least 1, or empty.';
  }
  return out;
}

/** PBS's id format for new jobs, as its UI makes them: `s-` and 13 characters of a random UUID. */
export function newJobId(random: () => string = () => crypto.randomUUID()): string {
  return `s-${random().slice(0, 13)}`;
}

export function formOf(job: PruneJobConfig): PruneJobForm {
  return {
    id: job.id,
    store: job.store,
    ns: job.ns ?? '',
    maxDepth: job['max-depth'] === undefined ? '' : String(job['max-depth']),
    schedule: job.schedule,
    enabled: job.disable !== true,
    comment: job.comment ?? '',
    keep: keepInputsOf(job),
  };
}

/** POST /config/prune parameters. */
export function createParams(f: PruneJobForm): Params {
  return {
    id: f.id.trim(),
    store: f.store,
    schedule: f.schedule.trim(),
    ...(f.ns !== '' && { ns: f.ns }),
    ...(f.maxDepth.trim() !== '' && { 'max-depth': f.maxDepth.trim() }),
    ...(!f.enabled && { disable: true }),
    ...(f.comment.trim() !== '' && { comment: f.comment.trim() }),
    ...keepOptionsOf(f.keep),
  };
}

/** PUT /config/prune/{id} parameters and the properties to delete. */
export function updateParams(f: PruneJobForm): { params: Params; delete: string[] } {
  const del: string[] = [];
  const params: Params = { schedule: f.schedule.trim() };
  // PBS ignores an empty ns on update; the root namespace is set by deleting it
  if (f.ns !== '') params.ns = f.ns;
  else del.push('ns');
  if (f.maxDepth.trim() !== '') params['max-depth'] = f.maxDepth.trim();
  else del.push('max-depth');
  if (f.enabled) del.push('disable');
  else params.disable = true;
  if (f.comment.trim() !== '') params.comment = f.comment.trim();
  else del.push('comment');
  const keep = keepOptionsOf(f.keep);
  for (const r of KEEP_RULES) {
    if (keep[r] !== undefined) params[r] = keep[r];
    else if (f.keep[r].trim() === '') del.push(r);
  }
  return { params, delete: del };
}
