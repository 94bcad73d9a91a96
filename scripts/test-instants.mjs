// The instants the tests' simulators start at. The default must equal DEFAULT_TEST_START in
// src/mocks/sim/test-start.ts (a unit test checks it); scripts cannot import TypeScript on Node 20.
export const DEFAULT_TEST_START = '2026-12-02T11:00:00Z';

/**
 * `npm test` runs the simulator-backed unit and integration tests again at each of these: a Sunday night,
 * the last minute of a week, Vienna's spring-forward night and the last half hour of a year.
 */
export const SWEEP_STARTS = [
  '2026-12-06T02:54:00Z',
  '2026-12-12T23:59:00Z',
  '2026-03-29T00:30:00Z',
  '2026-12-31T23:30:00Z',
];

/** The instant for child processes: TEST_SIM_START when set, else the default. */
export function testStartIso(env = process.env) {
  return env.TEST_SIM_START || DEFAULT_TEST_START;
}
