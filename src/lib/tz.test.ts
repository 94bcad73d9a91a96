import { formatRfc3339, formatRfc3339Utc, fromLocal, localParts, zoneOffset } from './tz';

describe('time zones', () => {
  it('formats RFC 3339 with a numeric offset in the zone, never Z', () => {
    expect(formatRfc3339(1717574401, 'Europe/Vienna')).toBe('2024-06-05T10:00:01+02:00');
    expect(formatRfc3339(1700000000, 'Europe/Vienna')).toBe('2023-11-14T23:13:20+01:00');
    expect(formatRfc3339(1700000000, 'UTC')).toBe('2023-11-14T22:13:20+00:00');
    expect(formatRfc3339(1700000000, 'America/New_York')).toBe('2023-11-14T17:13:20-05:00');
    expect(formatRfc3339(1700000000, 'Asia/Kolkata')).toBe('2023-11-15T03:43:20+05:30');
    expect(formatRfc3339Utc(1717574401)).toBe('2024-06-05T08:00:01Z');
  });

  it('knows the offset on both sides of a DST switch', () => {
    // Europe/Vienna switched to CEST at 2024-03-31T01:00:00Z
    expect(zoneOffset(1711846799, 'Europe/Vienna')).toBe(3600);
    expect(zoneOffset(1711846800, 'Europe/Vienna')).toBe(7200);
  });

  it('converts wall-clock time back to an epoch', () => {
    expect(fromLocal({ year: 2024, month: 6, day: 5, hour: 10, minute: 0, second: 1 }, 'Europe/Vienna')).toBe(
      1717574401,
    );
    expect(localParts(1717574401, 'Europe/Vienna')).toEqual({
      year: 2024,
      month: 6,
      day: 5,
      hour: 10,
      minute: 0,
      second: 1,
      weekday: 2,
    });
  });
});
