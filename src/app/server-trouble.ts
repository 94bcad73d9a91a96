import type { Query, QueryCache } from '@tanstack/react-query';
import { isFinalError, isUnreachable, retryDelay } from './query-client';

/** Failures in a row of one shown read before the shell says so: a single blip, retried after 1 s, stays silent. */
export const NOTICE_AFTER_FAILURES = 2;

/** Reads the console keeps asking again, summed up for the notice. */
export interface ServerTrouble {
  /** no answer at all (rather than an answer with an error) */
  unreachable: boolean;
  /** the server's own words, when it answered with an error */
  message: string | null;
  /** when the next attempt goes out (Date.now() milliseconds) */
  retryAt: number;
  /** when this summary was made */
  at: number;
}

interface Failing {
  error: unknown;
  retryAt: number;
}

const shown = (q: Query) => q.getObserversCount() > 0;
const retrying = (q: Query) => shown(q) && q.state.fetchStatus === 'fetching';

function summary(failing: Map<string, Failing>): ServerTrouble | null {
  const all = [...failing.values()];
  if (all.length === 0) return null;
  const unreachable = all.some((f) => isUnreachable(f.error));
  const answered = all.find((f) => !isUnreachable(f.error));
  return {
    unreachable,
    message: unreachable || !(answered?.error instanceof Error) ? null : answered.error.message,
    retryAt: Math.min(...all.map((f) => f.retryAt)),
    at: Date.now(),
  };
}

const same = (a: ServerTrouble | null, b: ServerTrouble | null) =>
  a === b || (!!a && !!b && a.unreachable === b.unreachable && a.message === b.message && a.retryAt === b.retryAt);

/**
 * Tells `onChange` whenever the set of shown reads that failed repeatedly and are being asked again changes; null
 * once none is. A read leaves the set when it is answered, gives up, pauses (offline, hidden tab, ended session) or
 * is no longer shown. Returns the unsubscribe function.
 */
export function watchServerTrouble(cache: QueryCache, onChange: (trouble: ServerTrouble | null) => void): () => void {
  const failing = new Map<string, Failing>();
  let last: ServerTrouble | null = null;
  const publish = () => {
    const next = summary(failing);
    if (same(last, next)) return;
    last = next;
    onChange(next);
  };
  for (const q of cache.getAll()) {
    const { fetchFailureCount: count, fetchFailureReason: error } = q.state;
    if (retrying(q) && count >= NOTICE_AFTER_FAILURES && !isFinalError(error))
      failing.set(q.queryHash, { error, retryAt: Date.now() + retryDelay(count - 1) });
  }
  publish();
  return cache.subscribe((event) => {
    const q = event.query;
    if (event.type === 'updated' && event.action.type === 'failed') {
      const { failureCount, error } = event.action;
      if (shown(q) && failureCount >= NOTICE_AFTER_FAILURES && !isFinalError(error))
        failing.set(q.queryHash, { error, retryAt: Date.now() + retryDelay(failureCount - 1) });
    } else if (
      failing.has(q.queryHash) &&
      (event.type === 'removed' || !retrying(q) || q.state.fetchFailureCount === 0)
    ) {
      failing.delete(q.queryHash);
    } else return;
    publish();
  });
}
