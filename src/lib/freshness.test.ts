import { freshnessOf, isStale, STALE_AFTER_SECONDS, verifyShown } from './freshness';

const now = 1_800_000_000;

test('a guest is stale once its last backup is older than 36 hours, or when it has none', () => {
  expect(isStale(now - STALE_AFTER_SECONDS, now)).toBe(false);
  expect(isStale(now - STALE_AFTER_SECONDS - 1, now)).toBe(true);
  expect(isStale(undefined, now)).toBe(true);
  expect(isStale(now - 3 * 86400, now, 7 * 86400)).toBe(false);
});

test('an ok verification older than 30 days shows as outdated; failed and none stay what they are', () => {
  expect(verifyShown('ok', now - 29 * 86400, now)).toBe('ok');
  expect(verifyShown('ok', now - 31 * 86400, now)).toBe('outdated');
  expect(verifyShown('ok', undefined, now)).toBe('ok');
  expect(verifyShown('failed', now - 90 * 86400, now)).toBe('failed');
  expect(verifyShown(undefined, undefined, now)).toBe('none');
});

test('a backup is fresh, then late after 26 hours, then stale after 36; thresholds can be moved', () => {
  expect(freshnessOf(now - 25 * 3600, now)).toBe('fresh');
  expect(freshnessOf(now - 27 * 3600, now)).toBe('late');
  expect(freshnessOf(now - 37 * 3600, now)).toBe('stale');
  expect(freshnessOf(undefined, now)).toBe('stale');
  const weekly = { lateAfter: 8 * 86400, staleAfter: 15 * 86400 };
  expect(freshnessOf(now - 6 * 86400, now, weekly)).toBe('fresh');
  expect(freshnessOf(now - 9 * 86400, now, weekly)).toBe('late');
  // a late threshold above the stale one never hides a stale guest
  expect(freshnessOf(now - 40 * 3600, now, { lateAfter: 48 * 3600, staleAfter: 36 * 3600 })).toBe('stale');
});
