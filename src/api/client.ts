// Before any schema of the API's shared code is built: the bundler puts this module and zod into a chunk that the
// page's entry runs first, so the entry's own import of it would come too late.
import '@/lib/zod-jitless';
import { z } from 'zod';
import { API_BASE, getUrl, takeEarly } from './early';
import { PbsError, networkError, pbsErrorFromBody, schemaErrorFrom, SchemaError } from './errors';
import { encodeParams, type Params } from './form';
import { recordServerDate } from './server-clock';
import { currentCsrfToken, notifySessionEnded } from './session-state';

export { PbsError, SchemaError } from './errors';
export { apiPath } from './path';
export { serverClockSkew, serverNow, serverNowMs } from './server-clock';
export type { Params, ParamValue } from './form';

type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

let fetchImpl: FetchFn | null = null;
let apiBase = API_BASE;

/** Replaces `fetch` (tests); `null` goes back to the global one, looked up per call so msw can patch it. */
export function setFetch(fn: FetchFn | null): void {
  fetchImpl = fn;
}

/** `/api2/json` for the console; the embed entry talks to `/embed-api/api2/json`. */
export function setApiBase(base: string): void {
  apiBase = base.replace(/\/$/, '');
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface WithMeta<T> {
  data: T;
  total?: number;
  digest?: string;
  active?: boolean;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

// A 401 with this text means PBS no longer accepts the ticket; other 401s (refused owner change,
// wrong confirmation password, failed login) are ordinary errors.
const SESSION_ENDED = 'authentication failed';

async function send(method: Method, path: string, params: Params | undefined, options: RequestOptions = {}) {
  const hasBody = method === 'POST' || method === 'PUT';
  const body = hasBody ? encodeParams(params).toString() : undefined;
  const url = hasBody ? `${apiBase}${path}` : getUrl(apiBase, path, params);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (hasBody) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const csrf = currentCsrfToken();
  if (method !== 'GET' && csrf) headers.CSRFPreventionToken = csrf;

  const early = method === 'GET' ? takeEarly(url) : null;
  const sentAt = early?.sentAt ?? Date.now();
  let response: Response;
  try {
    const doFetch = fetchImpl ?? globalThis.fetch.bind(globalThis);
    response = early
      ? await untilAborted(early.response, options.signal)
      : await doFetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (cause) {
    // Cancellation (TanStack Query aborting a stale request) is not a failure to report.
    if (options.signal?.aborted || (cause instanceof Error && cause.name === 'AbortError')) throw cause;
    throw networkError(cause);
  }
  recordServerDate(response.headers.get('Date'), sentAt, early?.receivedAt() ?? Date.now());

  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw networkError(cause);
  }
  if (!response.ok) {
    const error = pbsErrorFromBody(
      response.status,
      response.statusText,
      text,
      response.headers.get('Content-Type') ?? '',
    );
    if (error.status === 401 && error.message.startsWith(SESSION_ENDED)) notifySessionEnded(error.message);
    const explained = await refusalExplainer?.(error, method, path, params);
    if (explained) {
      // PBS's own words stay reachable as the cause
      const named = new PbsError(error.status, explained);
      named.cause = error;
      throw named;
    }
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SchemaError(`${method} ${path}`, '', 'the response is not JSON');
  }
}

type RefusalExplainer = (error: PbsError, method: Method, path: string, params?: Params) => Promise<string | null>;

let refusalExplainer: RefusalExplainer | undefined;

/**
 * What turns a refusal PBS does not explain into a sentence naming privilege and path
 * (api/permission-errors.ts); the console's shell hands it in.
 */
export function setRefusalExplainer(fn: RefusalExplainer | undefined): void {
  refusalExplainer = fn;
}

/** `promise`, or an AbortError as soon as `signal` aborts (an early request cannot be aborted itself). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

const envelopeSchema = z.object({
  data: z.unknown(),
  total: z.number().optional(),
  digest: z.string().optional(),
  active: z.boolean().optional(),
});

async function call<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  params: Params | undefined,
  options: RequestOptions | undefined,
): Promise<WithMeta<z.output<S>>> {
  const endpoint = `${method} ${path}`;
  const body = await send(method, path, params, options);
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) throw schemaErrorFrom(endpoint, envelope.error, body);
  const { data: raw, total, digest, active } = envelope.data;
  // PBS answers `{"data": null}` for most mutations; a missing key is not that.
  if (!(typeof body === 'object' && body !== null && 'data' in body)) {
    throw new SchemaError(endpoint, 'data', 'the response has no data');
  }
  const data = schema.safeParse(raw);
  if (!data.success) throw schemaErrorFrom(endpoint, data.error, raw, ['data']);
  return {
    data: data.data,
    ...(total !== undefined && { total }),
    ...(digest !== undefined && { digest }),
    ...(active !== undefined && { active }),
  };
}

/** GET `path` (relative to /api2/json), parse `data` with `schema`. */
export async function apiGet<S extends z.ZodType>(path: string, schema: S, query?: Params, options?: RequestOptions) {
  return (await call('GET', path, schema, query, options)).data;
}

/** GET that also returns the envelope's extra attributes (`total` of the task list, `digest` of configs). */
export function apiGetWithMeta<S extends z.ZodType>(path: string, schema: S, query?: Params, options?: RequestOptions) {
  return call('GET', path, schema, query, options);
}

export async function apiPost<S extends z.ZodType>(path: string, schema: S, body?: Params, options?: RequestOptions) {
  return (await call('POST', path, schema, body, options)).data;
}

export async function apiPut<S extends z.ZodType>(path: string, schema: S, body?: Params, options?: RequestOptions) {
  return (await call('PUT', path, schema, body, options)).data;
}

export async function apiDelete<S extends z.ZodType>(
  path: string,
  schema: S,
  query?: Params,
  options?: RequestOptions,
) {
  return (await call('DELETE', path, schema, query, options)).data;
}

/**
 * GET a JSON file PBS serves as it is, without the `{data}` envelope (`download-decoded` of
 * `index.json.blob`), and parse the whole body with `schema`.
 */
export async function apiGetJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  query?: Params,
  options?: RequestOptions,
) {
  const body = await send('GET', path, query, options);
  const data = schema.safeParse(body);
  if (!data.success) throw schemaErrorFrom(`GET ${path}`, data.error, body);
  return data.data as z.output<S>;
}

export function isPbsError(error: unknown, status?: number): error is PbsError {
  return error instanceof PbsError && (status === undefined || error.status === status);
}

/**
 * GET a file PBS streams as it is (`pxar-file-download`, `download-decoded`) with the session's cookie,
 * and hand back the unread Response so the caller can stream its body (PBS sends no Content-Length for
 * these). A non-2xx answer becomes a PbsError as everywhere else. Going through `fetch` rather than a
 * link lets the demo build's service worker answer it too.
 */
export async function apiDownload(path: string, query?: Params, options: RequestOptions = {}): Promise<Response> {
  const url = getUrl(apiBase, path, query);
  const sentAt = Date.now();
  let response: Response;
  try {
    const doFetch = fetchImpl ?? globalThis.fetch.bind(globalThis);
    response = await doFetch(url, { method: 'GET', credentials: 'same-origin', signal: options.signal });
  } catch (cause) {
    if (options.signal?.aborted || (cause instanceof Error && cause.name === 'AbortError')) throw cause;
    throw networkError(cause);
  }
  recordServerDate(response.headers.get('Date'), sentAt, Date.now());
  if (response.ok) return response;
  let text = '';
  try {
    text = await response.text();
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
  }
  const error = pbsErrorFromBody(
    response.status,
    response.statusText,
    text,
    response.headers.get('Content-Type') ?? '',
  );
  if (error.status === 401 && error.message.startsWith(SESSION_ENDED)) notifySessionEnded(error.message);
  throw error;
}
