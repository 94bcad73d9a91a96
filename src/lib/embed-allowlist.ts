/*
 * What the embed entry may read through /embed-api/, the one list the deck server and the demo
 * build's handler both enforce. Everything here is a GET that changes nothing in PBS; a request
 * that is not exactly one of these (another path, an unknown or repeated parameter, a value of the
 * wrong form, any percent-encoding or dot segment in the path) is refused before it reaches PBS.
 */

export type EmbedCheck = { ok: true; path: string } | { ok: false; status: 400 | 403 | 405; message: string };

/** PBS's SAFE_ID: datastore names never need percent-encoding. */
const SAFE_ID = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const UINT = /^\d{1,12}$/;
const BOOL = /^(?:0|1|true|false)$/;
const ENUM = (...values: string[]) => new RegExp(`^(?:${values.join('|')})$`);

/** `min`/`max`: bounds of a numeric value, checked after its form. */
type Rule = Record<string, { value: RegExp; repeat?: boolean; min?: number; max?: number }>;

interface Route {
  /** segments of the path below /api2/json; ':store' matches one datastore name */
  pattern: string[];
  params: Rule;
}

/**
 * No login is needed here, so a request may only ask PBS for a bounded amount of work: PBS reads its
 * task archive up to `start + limit` entries, and takes `limit=0` for no limit at all. `since` and
 * `until` are epoch seconds, and no later than 2100-01-01.
 */
export const EMBED_PAGING_CAPS = { limit: 500, start: 100_000, epoch: 4_102_444_800 } as const;

const TASK_FILTER: Rule = {
  start: { value: UINT, max: EMBED_PAGING_CAPS.start },
  limit: { value: UINT, min: 1, max: EMBED_PAGING_CAPS.limit },
  since: { value: UINT, max: EMBED_PAGING_CAPS.epoch },
  until: { value: UINT, max: EMBED_PAGING_CAPS.epoch },
  errors: { value: BOOL },
  running: { value: BOOL },
  typefilter: { value: SAFE_ID },
  statusfilter: { value: ENUM('ok', 'warning', 'error', 'unknown'), repeat: true },
  store: { value: SAFE_ID },
};

const ROUTES: Route[] = [
  { pattern: ['version'], params: {} },
  { pattern: ['nodes', 'localhost', 'time'], params: {} },
  { pattern: ['nodes', 'localhost', 'tasks'], params: TASK_FILTER },
  { pattern: ['status', 'datastore-usage'], params: {} },
  { pattern: ['admin', 'datastore'], params: {} },
  { pattern: ['admin', 'datastore', ':store', 'status'], params: { verbose: { value: BOOL } } },
  {
    pattern: ['admin', 'datastore', ':store', 'rrd'],
    params: {
      timeframe: { value: ENUM('hour', 'day', 'week', 'month', 'year', 'decade') },
      cf: { value: ENUM('AVERAGE', 'MAX') },
    },
  },
  { pattern: ['admin', 'datastore', ':store', 'gc'], params: {} },
  { pattern: ['admin', 'gc'], params: { store: { value: SAFE_ID } } },
  { pattern: ['admin', 'verify'], params: { store: { value: SAFE_ID } } },
  { pattern: ['admin', 'prune'], params: { store: { value: SAFE_ID } } },
];

/** The allowed paths, for documentation and tests (`:store` stands for a datastore name). */
export const EMBED_API_PATHS: readonly string[] = ROUTES.map((r) => `/${r.pattern.join('/')}`);

export const EMBED_API_PREFIX = '/embed-api/api2/json';

/**
 * Checks a request for the embed API. `rawPath` is the path as the client sent it (still
 * percent-encoded, starting with /embed-api/api2/json/), `rawQuery` the query string without '?'.
 * Returns the PBS path to read (below /api2/json, with the query) or why not.
 */
export function checkEmbedRequest(method: string, rawPath: string, rawQuery: string): EmbedCheck {
  if (method !== 'GET' && method !== 'HEAD') {
    return { ok: false, status: 405, message: `method ${method} not allowed: the embed API is read-only` };
  }
  if (!rawPath.startsWith(`${EMBED_API_PREFIX}/`)) return refuse(rawPath);
  const rest = rawPath.slice(EMBED_API_PREFIX.length + 1);
  // No encoding, no backslashes, no empty or dot segments: what PBS would see is exactly what was checked.
  if (/[%\\]/.test(rest) || rest.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    return {
      ok: false,
      status: 400,
      message: 'malformed path: no percent-encoding, dot segments or empty segments allowed',
    };
  }
  const segments = rest.split('/');
  const route = ROUTES.find(
    (r) =>
      r.pattern.length === segments.length &&
      r.pattern.every((p, i) => (p === ':store' ? SAFE_ID.test(segments[i]!) : p === segments[i])),
  );
  if (!route) return refuse(`/${rest}`);
  const problem = checkQuery(route.params, rawQuery);
  if (problem) return { ok: false, status: 400, message: problem };
  const outside = checkBounds(route.params, rawQuery);
  if (outside) return { ok: false, status: 400, message: outside };
  return { ok: true, path: `/${rest}${rawQuery ? `?${rawQuery}` : ''}` };
}

function refuse(path: string): EmbedCheck {
  return { ok: false, status: 403, message: `'${path}' is not readable through the embed API` };
}

function checkQuery(rule: Rule, rawQuery: string): string | null {
  if (!rawQuery) return null;
  const seen = new Set<string>();
  for (const part of rawQuery.split('&')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    let value: string;
    try {
      value = decodeURIComponent((eq < 0 ? '' : part.slice(eq + 1)).replace(/\+/g, ' '));
    } catch {
      return `parameter '${name}': malformed encoding`;
    }
    const allowed = Object.hasOwn(rule, name) ? rule[name] : undefined;
    if (!allowed) return `parameter '${name}' is not allowed through the embed API`;
    if (seen.has(name) && !allowed.repeat) return `parameter '${name}' given more than once`;
    seen.add(name);
    if (!allowed.value.test(value)) return `parameter '${name}': value not allowed`;
  }
  return null;
}

/** A value past its bound, in PBS's own words for a parameter out of range. */
function checkBounds(rule: Rule, rawQuery: string): string | null {
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    const { min, max } = rule[name] ?? {};
    const n = Number(value);
    if (max !== undefined && n > max)
      return `parameter verification failed - '${name}': value must have a maximum value of ${max} (got ${value})`;
    if (min !== undefined && n < min)
      return `parameter verification failed - '${name}': value must have a minimum value of ${min} (got ${value})`;
  }
  return null;
}
