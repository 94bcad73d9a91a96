import { isStale, STALE_AFTER_SECONDS, verifyShown } from './freshness';

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
