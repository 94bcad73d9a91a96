// The instant every test simulator starts at: fixed, so no test outcome depends on the real date or hour.
// TEST_SIM_START (ISO 8601) moves it; `npm test` runs the simulator-backed tests again at several such instants.

/** Wednesday 2 December 2026, 11:00 UTC (12:00 in the demo's Vienna zone): no nightly job of the demo runs near it. */
export const DEFAULT_TEST_START = '2026-12-02T11:00:00Z';

/** Epoch seconds of an ISO 8601 instant with a zone (Z or ±hh:mm); a clear error for anything else. */
export function parseStartInstant(text: string, name = 'TEST_SIM_START'): number {
  const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(text.trim()) ? Date.parse(text.trim()) : NaN;
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
