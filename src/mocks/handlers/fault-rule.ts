// One fault rule as tests give it (JSON to /__sim/faults, or an object to faultRules(sim)), and its strict check:
// a mistyped rule that silently never matched would make a test pass for the wrong reason.
//
// Paths are the request's path below the origin, segment by segment: `*` stands for one segment, `**` as the last
// segment for any rest (none included), anything else must equal the segment (percent-decoded). PBS answers under
// `/api2/json/...`; the simulated Proxmox VE is matched under the path the console uses for it,
// `/pve-api/api2/json/...`. `/**` therefore takes down both, `/api2/json/**` only PBS.

export type FaultMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface FaultRule {
  /** absent: any method */
  method?: FaultMethod;
  path: string;
  /**
   * 400–599: answer this instead of running the handler. A 401 waits the handlers' `authFailDelayMs` first, as PBS
   * waits before every 401; without `body`, 401, 403 and 404 answer PBS's own texts, the 403 after
   * `forbiddenDelayMs` as PBS's router does.
   */
  status?: number;
  /** with `status`: a string goes out as PBS's plain-text error, an object or array as JSON */
  body?: string | object;
  /** 400 with PBS's parameter-verification text, one entry per parameter */
  paramErrors?: Record<string, string>;
  /** 400 with the text of PBS's config digest check (PBS paths only: the simulated PVE has no config edits) */
  digestConflict?: true;
  /** a dropped connection */
  drop?: true;
  /** waited before the answer, or before the real handler when the rule gives no answer */
  delayMs?: number;
  /** how many matching calls the rule takes, then it is spent; absent: until cleared */
  times?: number;
}

const METHODS: readonly FaultMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];
const FIELDS = new Set([
  'method',
  'path',
  'status',
  'body',
  'paramErrors',
  'digestConflict',
  'drop',
  'delayMs',
  'times',
]);
/** what a rule does instead of (or before) the handler: at most one of these */
const ANSWERS = ['status', 'paramErrors', 'digestConflict', 'drop'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

function checkPath(path: unknown, name: string): string {
  if (typeof path !== 'string' || !path.startsWith('/')) throw new Error(`'${name}' must be a path starting with '/'`);
  if (/[?#]/.test(path)) throw new Error(`'${name}' is matched without query: leave out '?' and '#'`);
  const segments = path.split('/');
  segments.forEach((s, i) => {
    if (s === '**' && i !== segments.length - 1) throw new Error(`'${name}' may have '**' only as its last segment`);
    if (s.includes('*') && s !== '*' && s !== '**') throw new Error(`'${name}': '*' and '**' stand for whole segments`);
  });
  return path;
}

/** The rule, checked; an Error names the first bad field as `<where>.<field>`. */
export function parseFaultRule(value: unknown, where: string): FaultRule {
  if (!isObject(value) || Array.isArray(value)) throw new Error(`'${where}' must be an object`);
  const field = (k: string) => `${where}.${k}`;
  for (const k of Object.keys(value)) if (!FIELDS.has(k)) throw new Error(`'${field(k)}' is not a rule field`);
  const rule: FaultRule = { path: checkPath(value.path, field('path')) };
  const { method, status, body, paramErrors, digestConflict, drop, delayMs, times } = value;
  if (method !== undefined) {
    const known = METHODS.find((m) => m === method);
    if (!known) throw new Error(`'${field('method')}' must be one of ${METHODS.join(', ')}`);
    rule.method = known;
  }
  if (status !== undefined) {
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
      throw new Error(`'${field('status')}' must be an integer from 400 to 599`);
    rule.status = status;
  }
  if (body !== undefined) {
    if (typeof body !== 'string' && !isObject(body)) throw new Error(`'${field('body')}' must be a string or JSON`);
    if (status === undefined) throw new Error(`'${field('body')}' needs a 'status'`);
    rule.body = body;
  }
  if (paramErrors !== undefined) {
    const entries = isObject(paramErrors) && !Array.isArray(paramErrors) ? Object.entries(paramErrors) : [];
    const messages = entries.flatMap(([k, m]) => (typeof m === 'string' ? [[k, m] as const] : []));
    if (messages.length === 0 || messages.length !== entries.length)
      throw new Error(`'${field('paramErrors')}' must map parameter names to messages`);
    rule.paramErrors = Object.fromEntries(messages);
  }
  if (digestConflict !== undefined) {
    if (digestConflict !== true) throw new Error(`'${field('digestConflict')}' must be true`);
    if (rule.path.startsWith('/pve-api/'))
      throw new Error(`'${field('digestConflict')}' is PBS's answer; the simulated Proxmox VE has no config edits`);
    rule.digestConflict = true;
  }
  if (drop !== undefined) {
    if (drop !== true) throw new Error(`'${field('drop')}' must be true`);
    rule.drop = true;
  }
  if (delayMs !== undefined) {
    if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0)
      throw new Error(`'${field('delayMs')}' must be a number of milliseconds, 0 or more`);
    rule.delayMs = delayMs;
  }
  if (times !== undefined) {
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1)
      throw new Error(`'${field('times')}' must be a whole number, 1 or more`);
    rule.times = times;
  }
  const answers = ANSWERS.filter((k) => rule[k] !== undefined);
  if (answers.length > 1) throw new Error(`'${where}' gives both '${answers[0]}' and '${answers[1]}': choose one`);
  if (answers.length === 0 && rule.delayMs === undefined)
    throw new Error(`'${where}' does nothing: give 'status', 'paramErrors', 'digestConflict', 'drop' or 'delayMs'`);
  return rule;
}

export function parseFaultRules(value: unknown, name: string): FaultRule[] {
  if (!Array.isArray(value)) throw new Error(`'${name}' must be an array of rules`);
  return value.map((r, i) => parseFaultRule(r, `${name}[${i}]`));
}
