import { nextEvent, parseCalendarEvent, verifyCalendarEvent } from './calendar-event';
import { formatRfc3339, fromLocal } from './tz';

const Z = 'Europe/Vienna';
// Wednesday 2024-06-05 10:00:01 in Vienna
const T = fromLocal({ year: 2024, month: 6, day: 5, hour: 10, minute: 0, second: 1 }, Z);
const next = (ev: string, after = T, n = 1) => {
  const out: string[] = [];
  let t = after;
  for (let i = 0; i < n; i++) {
    const r = nextEvent(parseCalendarEvent(ev), t, Z);
    if (r === null) break;
    out.push(formatRfc3339(r, Z));
    t = r;
  }
  return out;
};

describe('calendar events', () => {
  it('expands aliases', () => {
    expect(next('daily', T, 2)).toEqual(['2024-06-06T00:00:00+02:00', '2024-06-07T00:00:00+02:00']);
    expect(next('hourly')).toEqual(['2024-06-05T11:00:00+02:00']);
    expect(next('weekly')).toEqual(['2024-06-10T00:00:00+02:00']);
    expect(next('monthly')).toEqual(['2024-07-01T00:00:00+02:00']);
    expect(next('quarterly')).toEqual(['2024-07-01T00:00:00+02:00']);
    expect(next('yearly')).toEqual(['2025-01-01T00:00:00+01:00']);
  });

  it('handles times, repetitions and lists', () => {
    expect(next('21:00')).toEqual(['2024-06-05T21:00:00+02:00']);
    expect(next('*:0/30', T, 3)).toEqual(['2024-06-05T10:30:00+02:00', '2024-06-05T11:00:00+02:00', '2024-06-05T11:30:00+02:00']);
    expect(next('2,22:30', T, 2)).toEqual(['2024-06-05T22:30:00+02:00', '2024-06-06T02:30:00+02:00']);
    expect(next('0/2:00', T, 2)).toEqual(['2024-06-05T12:00:00+02:00', '2024-06-05T14:00:00+02:00']);
  });

  it('handles weekdays with ranges and lists', () => {
    expect(next('sat 18:15')).toEqual(['2024-06-08T18:15:00+02:00']);
    expect(next('mon..fri 00:00', T, 3)).toEqual(['2024-06-06T00:00:00+02:00', '2024-06-07T00:00:00+02:00', '2024-06-10T00:00:00+02:00']);
    expect(next('mon,wed 08:00', T, 2)).toEqual(['2024-06-10T08:00:00+02:00', '2024-06-12T08:00:00+02:00']);
    expect(next('mon..fri 8..17,22:0/15', T, 2)).toEqual(['2024-06-05T10:15:00+02:00', '2024-06-05T10:30:00+02:00']);
  });

  it('handles date parts', () => {
    expect(next('sat *-1..7 02:00')).toEqual(['2024-07-06T02:00:00+02:00']);
    expect(next('*-05', T, 2)).toEqual(['2024-07-05T00:00:00+02:00', '2024-08-05T00:00:00+02:00']);
    expect(next('2025-10-21')).toEqual(['2025-10-21T00:00:00+02:00']);
    expect(next('2015-10-21')).toEqual([]);
  });

  it('keeps the wall-clock time across DST', () => {
    const before = fromLocal({ year: 2024, month: 10, day: 26, hour: 12, minute: 0, second: 0 }, Z);
    expect(next('02:30', before, 2)).toEqual(['2024-10-27T02:30:00+02:00', '2024-10-28T02:30:00+01:00']);
  });

  it('refuses what PBS refuses', () => {
    for (const bad of ['', 'noday 10:00', '25:00', '10:61', '1..10/2:00', 'mon 10:00 extra']) {
      expect(() => verifyCalendarEvent(bad)).toThrow();
    }
    expect(() => verifyCalendarEvent('Mon..Fri 01:30')).not.toThrow();
  });
});
