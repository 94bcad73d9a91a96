// datastore.cfg as PBS keeps it: section text, its SHA-256 digest, and updates with PBS's checks.
import type { Datastore, StoreConfig } from './datastore';
import { SimError } from './errors';
import { sha256Hex } from './sha256';
import { verifyCalendarEvent } from '@/lib/calendar-event';

const UPDATABLE = [
  'comment',
  'gc-schedule',
  'verify-new',
  'notify-user',
  'notify',
  'notification-mode',
  'tuning',
  'maintenance-mode',
];
const DELETABLE = [
  ...UPDATABLE,
  'prune-schedule',
  'keep-last',
  'keep-hourly',
  'keep-daily',
  'keep-weekly',
  'keep-monthly',
  'keep-yearly',
];
const PRUNE = [
  'prune-schedule',
  'keep-last',
  'keep-hourly',
  'keep-daily',
  'keep-weekly',
  'keep-monthly',
  'keep-yearly',
];

export const MODIFIED = 'detected modified configuration - file changed by other user? Try again.';

export function configText(stores: Iterable<Datastore>): string {
  let out = '';
  for (const s of stores) {
    out += `datastore: ${s.name}\n`;
    for (const k of Object.keys(s.config).sort()) if (k !== 'name') out += `\t${k} ${String(s.config[k])}\n`;
    out += '\n';
  }
  return out;
}

export const configDigest = (stores: Iterable<Datastore>) => sha256Hex(configText(stores));

const paramError = (name: string, msg: string) =>
  new SimError(400, `parameter verification failed - '${name}': ${msg}`);

function parseBool(name: string, v: string): boolean {
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw paramError(name, `Unable to parse boolean '${v}'.`);
}

function validate(name: string, value: string): string | boolean {
  if (name === 'gc-schedule') {
    try {
      verifyCalendarEvent(value);
    } catch (e) {
      // a VerifyFn format: PBS reports the parser's own message
      throw paramError(name, e instanceof Error ? e.message : String(e));
    }
  }
  if (name === 'verify-new') return parseBool(name, value);
  if (name === 'maintenance-mode' && !/^type=(read-only|offline)(,message=("[^"]{0,64}"|[^,"]{0,64}))?$/.test(value)) {
    throw paramError(name, `value '${value}' is not a valid maintenance mode`);
  }
  if (name === 'notification-mode' && !['legacy-sendmail', 'notification-system'].includes(value)) {
    throw paramError(name, `value '${value}' is not defined in the enumeration.`);
  }
  return value;
}

/** Applies a PUT /config/datastore/{name}; returns true when the gc-schedule changed. */
export function applyUpdate(
  store: Datastore,
  params: Record<string, string>,
  del: string[],
  digest: string | undefined,
  current: string,
): boolean {
  if (digest !== undefined && digest !== current) throw new SimError(400, MODIFIED);
  for (const k of Object.keys(params)) {
    if (PRUNE.includes(k)) throw paramError(k, 'datastore prune settings have been replaced by prune jobs');
    if (!UPDATABLE.includes(k)) throw paramError(k, 'schema does not allow additional properties');
  }
  for (const d of del)
    if (!DELETABLE.includes(d)) throw paramError('delete', `value '${d}' is not defined in the enumeration.`);
  const next: StoreConfig = { ...store.config };
  for (const d of del) delete next[d];
  for (const [k, v] of Object.entries(params)) {
    const value = validate(k, v);
    if (k === 'comment' && v.trim() === '') delete next.comment;
    else next[k] = typeof value === 'string' ? value.trim() : value;
  }
  const changed = next['gc-schedule'] !== store.config['gc-schedule'];
  store.config = next;
  return changed;
}
