// Parameter schemas of PBS's job configs (pbs-api-types jobs.rs) and the calendar-event check of their
// `schedule`/`gc-schedule` (a VerifyFn format in PBS: its error text is the parser's own).
import { verifyCalendarEvent } from '@/lib/calendar-event';
import { ParamError, type ParamSchema, type Params } from './params';
import { DATASTORE, MAX_DEPTH, NAMESPACE, SINGLE_LINE_COMMENT, bool, int, opt, req, str } from './schemas';

const SAFE_ID = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
export const JOB_ID = str({ pattern: SAFE_ID, minLength: 3, maxLength: 32 });
export const REMOTE_ID = str({ pattern: SAFE_ID, minLength: 3, maxLength: 32 });

const keep = opt(int(1));
export const KEEP_PARAMS: ParamSchema = {
  'keep-last': keep,
  'keep-hourly': keep,
  'keep-daily': keep,
  'keep-weekly': keep,
  'keep-monthly': keep,
  'keep-yearly': keep,
};

export const VERIFY_JOB_FIELDS: ParamSchema = {
  'ignore-verified': opt(bool),
  'outdated-after': opt(int(0)),
  comment: opt(SINGLE_LINE_COMMENT),
  schedule: opt(str()),
  ns: opt(NAMESPACE),
  'max-depth': opt(MAX_DEPTH),
};

export const PRUNE_JOB_FIELDS: ParamSchema = {
  disable: opt(bool),
  comment: opt(SINGLE_LINE_COMMENT),
  ns: opt(NAMESPACE),
  'max-depth': opt(MAX_DEPTH),
  ...KEEP_PARAMS,
};

export const VERIFY_DELETABLE = [
  'ignore-verified',
  'comment',
  'schedule',
  'outdated-after',
  'ns',
  'max-depth',
] as const;
export const PRUNE_DELETABLE = [
  'comment',
  'disable',
  'ns',
  'max-depth',
  'keep-last',
  'keep-hourly',
  'keep-daily',
  'keep-weekly',
  'keep-monthly',
  'keep-yearly',
] as const;

export const STORE = { store: req(DATASTORE) };

/** Calendar-event parameters, checked after the schema as PBS's VerifyFn would (one 400 per bad value). */
export function checkSchedules(params: Params, names: string[] = ['schedule']): void {
  const errors: [string, string][] = [];
  for (const name of names) {
    const v = params[name];
    if (typeof v !== 'string') continue;
    try {
      verifyCalendarEvent(v);
    } catch (e) {
      errors.push([name, (e as Error).message]);
    }
  }
  if (errors.length) throw new ParamError(errors);
}

/** The params that belong to a config (drops path/delete/digest). */
export function pick<T>(params: Params, fields: ParamSchema): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(fields)) if (params[k] !== undefined) out[k] = params[k];
  return out as Partial<T>;
}
