import {
  formatDate,
  formatDateTime,
  formatDateTimeUtc,
  formatDuration,
  formatRelative,
  formatSnapshotTime,
} from './format-time';

// 2024-06-05T14:24:36Z: summer time in Vienna (+02:00), daylight time in New York (-04:00).
const T = 1_717_597_476;

describe('formatDateTime', () => {
  it('shows a given IANA zone', () => {
    expect(formatDateTime(T, { timeZone: 'Europe/Vienna' })).toBe('2024-06-05 16:24:36');
    expect(formatDateTime(T, { timeZone: 'America/New_York' })).toBe('2024-06-05 10:24:36');
    expect(formatDateTime(T, { timeZone: 'Europe/Vienna', withZone: true })).toBe('2024-06-05 16:24:36 GMT+2');
  });

  it('uses 00 for midnight, not 24', () => {
    expect(formatDateTime(1_717_545_600, { timeZone: 'UTC' })).toBe('2024-06-05 00:00:00');
  });

  it('shows UTC', () => {
    expect(formatDateTimeUtc(T)).toBe('2024-06-05 14:24:36 UTC');
    expect(formatDateTime(T, { timeZone: 'UTC', withZone: true })).toBe('2024-06-05 14:24:36 UTC');
  });

  it('defaults to the viewer zone', () => {
    const expected = formatDateTime(T, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    expect(formatDateTime(T)).toBe(expected);
  });

  it('formats dates and snapshot times', () => {
    expect(formatDate(T, 'Pacific/Kiritimati')).toBe('2024-06-06');
    expect(formatSnapshotTime(T)).toBe('2024-06-05T14:24:36Z');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59, '59s'],
    [60, '1m'],
    [3723, '1h 2m 3s'],
    [3600, '1h'],
    [90061, '1d 1h 1m 1s'],
    [12.6, '13s'],
    [-65, '-1m 5s'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatRelative', () => {
  const now = T;
  it.each([
    [now, 'now'],
    [now + 30, 'in 30 seconds'],
    [now - 5 * 60, '5 minutes ago'],
    [now - 2 * 86400, '2 days ago'],
    [now + 3600 * 5, 'in 5 hours'],
    [now + 90 * 86400, 'in 3 months'],
    [now + 2 * 365 * 86400, 'in 2 years'],
    [now - 400 * 86400, '1 year ago'],
  ])('%d → %s', (epoch, text) => {
    expect(formatRelative(epoch, now)).toBe(text);
  });
});
