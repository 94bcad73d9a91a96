// The instant every test simulator starts at: fixed, so no test outcome depends on the real date or hour.
// TEST_SIM_START (ISO 8601) moves it; `npm test` runs the simulator-backed tests again at several such instants.

/** Wednesday 2 December 2026, 11:00 UTC (12:00 in the demo's Vienna zone): no nightly job of the demo runs near it. */
export const DEFAULT_TEST_START = '2026-12-02T11:00:00Z';

/** Epoch seconds of an ISO 8601 instant with a zone (Z or ±hh:mm); a clear error for anything else. */
export function parseStartInstant(text: string, name = 'TEST_SIM_START'): number {
  const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(text.trim())
    ? Date.parse(text.trim())
    : NaN;
  if (!Number.isFinite(ms)) {
    throw new Error(`${name}: expected an ISO 8601 instant with its zone, such as 2026-03-29T00:30:00Z, got '${text}'`);
  }
  return Math.floor(ms / 1000);
}

/** Epoch seconds: TEST_SIM_START when set, otherwise DEFAULT_TEST_START. */
export function testStartTime(): number {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return parseStartInstant(env?.TEST_SIM_START || DEFAULT_TEST_START);
}

/**
 * The first 11:00 UTC after `now` (epoch seconds), on the given UTC weekday (0 = Sunday) if one is given: midday in
 * Vienna, the demo's zone, where none of its nightly backups, prunes, GCs or early-morning verify jobs run. Tests
 * that start a job by hand, or tell a story over the days of a week, move the clock there first.
 */
export function nextQuietNoon(now: number, weekday?: number): number {
  const DAY = 86_400;
  const at = 11 * 3600;
  let t = Math.floor((now - at) / DAY) * DAY + at + DAY;
  // 1970-01-01 was a Thursday (4)
  while (weekday !== undefined && (Math.floor(t / DAY) + 4) % 7 !== weekday) t += DAY;
  return t;
}
