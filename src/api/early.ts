import { encodeParams, type Params } from './form';

/*
 * Requests started before the console's code has loaded: the page a reload lands on knows which lists
 * it will ask for, so they travel while the scripts download and run. The client takes such an answer
 * instead of asking again (once, and only soon after it was started); an answer nobody takes is dropped.
 */

export interface EarlyRequest {
  /** below /api2/json, already percent-encoded (apiPath) */
  path: string;
  params?: Params;
}

interface Early {
  startedAt: number;
  sentAt: number;
  response: Promise<Response>;
  /** when the answer's headers arrived (for the server clock); now if they have not yet */
  receivedAt(): number;
}

const pending = new Map<string, Early>();
/** An answer older than this is not used: the page asked later than anyone expected. */
const FRESH_MS = 10_000;

export const API_BASE = '/api2/json';

/** The URL the client requests for a GET of `path` with `params`. */
export function getUrl(base: string, path: string, params?: Params): string {
  const encoded = encodeParams(params).toString();
  return `${base}${path}${encoded ? `?${encoded}` : ''}`;
}

export function startEarlyGet({ path, params }: EarlyRequest, now = performance.now()): void {
  const url = getUrl(API_BASE, path, params);
  if (pending.has(url)) return;
  const response = fetch(url, { method: 'GET', headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  let receivedAt: number | null = null;
  // A failure is the client's to report when it takes the answer; nobody taking it is no error.
  response.then(
    () => (receivedAt = Date.now()),
    () => undefined,
  );
  pending.set(url, { startedAt: now, sentAt: Date.now(), response, receivedAt: () => receivedAt ?? Date.now() });
}

/** The early answer for `url`, once; none when there is none or it is stale. */
export function takeEarly(url: string, now = performance.now()): Omit<Early, 'startedAt'> | null {
  const early = pending.get(url);
  if (!early) return null;
  pending.delete(url);
  return now - early.startedAt <= FRESH_MS ? early : null;
}

/** Forgets every early request (tests). */
export function dropEarly(): void {
  pending.clear();
}
