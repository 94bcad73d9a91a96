/*
 * The server's clock as seen through the `Date` header of its answers. PBS (and the simulator,
 * whose clock may run fast or jump) decides what "now" is for schedules, ages and estimates, so the
 * UI adds this skew to the browser's clock.
 *
 * A `Date` header has one-second resolution and was written somewhere between sending the request
 * and receiving the answer, so each answer bounds the skew to an interval; intersecting the
 * intervals narrows it down. When a new interval does not overlap, the server clock moved (a
 * simulator jump, an NTP step) and the estimate restarts from that answer.
 */

let low = Number.NEGATIVE_INFINITY;
let high = Number.POSITIVE_INFINITY;
let skew = 0;
const listeners = new Set<(skewMs: number) => void>();

/** Server time minus browser time, in milliseconds (0 until an answer carried a `Date` header). */
export function serverClockSkew(): number {
  return skew;
}

/** Whether an answer has told the server's time yet (after a page load the first requests go out before any did). */
export function serverClockKnown(): boolean {
  return low !== Number.NEGATIVE_INFINITY;
}

/** The server's current time in epoch milliseconds. */
export function serverNowMs(browserNowMs: number = Date.now()): number {
  return browserNowMs + skew;
}

/** The server's current time in epoch seconds (PBS's unit). */
export function serverNow(browserNowMs: number = Date.now()): number {
  return Math.floor(serverNowMs(browserNowMs) / 1000);
}

/** Called on every answer; `sentAt`/`receivedAt` are browser epoch ms around the request. */
export function recordServerDate(dateHeader: string | null, sentAt: number, receivedAt: number): void {
  if (!dateHeader) return;
  const serverMs = Date.parse(dateHeader);
  if (Number.isNaN(serverMs)) return;
  const newLow = serverMs - receivedAt;
  const newHigh = serverMs + 1000 - sentAt;
  const lo = Math.max(low, newLow);
  const hi = Math.min(high, newHigh);
  if (lo <= hi) {
    low = lo;
    high = hi;
  } else {
    low = newLow;
    high = newHigh;
  }
  const next = Math.round((low + high) / 2);
  if (next !== skew) {
    skew = next;
    for (const listener of listeners) listener(skew);
  }
}

/** Notified when the skew estimate changes; returns the unsubscribe function. */
export function subscribeServerClock(listener: (skewMs: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forget what was learnt (tests, and switching to another server). */
export function resetServerClock(): void {
  low = Number.NEGATIVE_INFINITY;
  high = Number.POSITIVE_INFINITY;
  skew = 0;
}
