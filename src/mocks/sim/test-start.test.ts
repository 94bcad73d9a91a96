// @vitest-environment node
import { DEFAULT_TEST_START as SCRIPTS_DEFAULT } from '../../../scripts/test-instants.mjs';
import { DEFAULT_TEST_START, nextQuietNoon, parseStartInstant, testStartTime } from './test-start';

describe('the tests’ start instant', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is Wednesday 2 December 2026, 11:00 UTC unless TEST_SIM_START moves it', () => {
    vi.stubEnv('TEST_SIM_START', '');
    // 20 789 days after 1970-01-01 (a Thursday): 20 789 % 7 = 6, so six days on from a Thursday, a Wednesday
    expect(testStartTime()).toBe(20_789 * 86_400 + 11 * 3600);
    vi.stubEnv('TEST_SIM_START', '2026-12-31T23:30:00Z');
    expect(testStartTime()).toBe(20_818 * 86_400 + 23 * 3600 + 1800);
  });

  it('is the same instant the scripts give child processes', () => {
    expect(SCRIPTS_DEFAULT).toBe(DEFAULT_TEST_START);
  });

  it('refuses an instant without a zone, or no instant at all', () => {
    expect(() => parseStartInstant('2026-12-06 02:54')).toThrow(
      "TEST_SIM_START: expected an ISO 8601 instant with its zone, such as 2026-03-29T00:30:00Z, got '2026-12-06 02:54'",
    );
    expect(() => parseStartInstant('sunday')).toThrow(/^TEST_SIM_START: expected/);
  });

  it('finds the next 11:00 UTC strictly after a moment', () => {
    const day = 20_793 * 86_400; // Sunday 2026-12-06 00:00 UTC
    expect(nextQuietNoon(day + 2 * 3600 + 54 * 60)).toBe(day + 11 * 3600);
    expect(nextQuietNoon(day + 11 * 3600)).toBe(day + 86_400 + 11 * 3600);
    expect(nextQuietNoon(day + 23 * 3600 + 59 * 60)).toBe(day + 86_400 + 11 * 3600);
    // Sunday 02:54 → Wednesday 9 December, 11:00; Wednesday 11:00 → the Wednesday after
    expect(nextQuietNoon(day + 2 * 3600 + 54 * 60, 3)).toBe(day + 3 * 86_400 + 11 * 3600);
    expect(nextQuietNoon(day + 3 * 86_400 + 11 * 3600, 3)).toBe(day + 10 * 86_400 + 11 * 3600);
    expect(nextQuietNoon(day, 0)).toBe(day + 11 * 3600);
  });
});
