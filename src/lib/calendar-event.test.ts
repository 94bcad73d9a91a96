// Calendar events as PBS (proxmox-time) parses and evaluates them, in the server's zone; every example of
// pbs-api.md §17, edge cases, and the plain-English reading. The comparison with systemd is in
// calendar-systemd.test.ts.
import { nextEvents, parseCalendarEvent, verifyCalendarEvent } from './calendar-event';
import { describeCalendarEvent } from './calendar-describe';
import { formatRfc3339, fromLocal } from './tz';

const VIE = 'Europe/Vienna';
const NY = 'America/New_York';
const local = (zone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  fromLocal({ year: y, month: mo, day: d, hour: h, minute: mi, second: s }, zone);
// Wednesday 2024-06-05 10:00:01 in Vienna
const T = local(VIE, 2024, 6, 5, 10, 0, 1);
const runs = (ev: string, n = 1, after = T, zone = VIE) =>
  nextEvents(parseCalendarEvent(ev), after, zone, n).map((t) => formatRfc3339(t, zone));

describe('calendar events: the examples of pbs-api.md §17', () => {
  it.each([
    ['daily', 'every day at 00:00', ['2024-06-06T00:00:00+02:00', '2024-06-07T00:00:00+02:00']],
    ['21:00', 'every day at 21:00', ['2024-06-05T21:00:00+02:00', '2024-06-06T21:00:00+02:00']],
    ['2,22:30', 'every day at 02:30 and 22:30', ['2024-06-05T22:30:00+02:00', '2024-06-06T02:30:00+02:00']],
    ['*:0/30', 'every 30 minutes', ['2024-06-05T10:30:00+02:00', '2024-06-05T11:00:00+02:00']],
    ['0/2:00', 'every 2 hours', ['2024-06-05T12:00:00+02:00', '2024-06-05T14:00:00+02:00']],
    ['sat 18:15', 'Saturdays at 18:15', ['2024-06-08T18:15:00+02:00', '2024-06-15T18:15:00+02:00']],
    [
      'mon..fri 00:00',
      'Mon–Fri at 00:00',
      ['2024-06-06T00:00:00+02:00', '2024-06-07T00:00:00+02:00', '2024-06-10T00:00:00+02:00'],
    ],
    ['mon..fri *:00', 'Mon–Fri every hour', ['2024-06-05T11:00:00+02:00', '2024-06-05T12:00:00+02:00']],
    [
      'mon..fri 8..17,22:0/15',
      'Mon–Fri every 15 minutes from 08:00 to 17:45 and at 22:00–22:45',
      ['2024-06-05T10:15:00+02:00', '2024-06-05T10:30:00+02:00'],
    ],
    [
      'sat *-1..7 02:00',
      'first Saturday of the month at 02:00',
      ['2024-07-06T02:00:00+02:00', '2024-08-03T02:00:00+02:00'],
    ],
    ['*-05', 'on the 5th of every month at 00:00', ['2024-07-05T00:00:00+02:00', '2024-08-05T00:00:00+02:00']],
    ['2015-10-21', 'on 2015-10-21 at 00:00', []],
    ['minutely', 'every minute', ['2024-06-05T10:01:00+02:00', '2024-06-05T10:02:00+02:00']],
    ['hourly', 'every hour', ['2024-06-05T11:00:00+02:00', '2024-06-05T12:00:00+02:00']],
    ['weekly', 'Mondays at 00:00', ['2024-06-10T00:00:00+02:00', '2024-06-17T00:00:00+02:00']],
    ['monthly', 'on the 1st of every month at 00:00', ['2024-07-01T00:00:00+02:00', '2024-08-01T00:00:00+02:00']],
    ['yearly', 'on the 1st of January at 00:00', ['2025-01-01T00:00:00+01:00', '2026-01-01T00:00:00+01:00']],
    ['annually', 'on the 1st of January at 00:00', ['2025-01-01T00:00:00+01:00', '2026-01-01T00:00:00+01:00']],
    [
      'quarterly',
      'on the 1st of January, April, July and October at 00:00',
      ['2024-07-01T00:00:00+02:00', '2024-10-01T00:00:00+02:00'],
    ],
    [
      'semiannually',
      'on the 1st of January and July at 00:00',
      ['2024-07-01T00:00:00+02:00', '2025-01-01T00:00:00+01:00'],
    ],
    [
      'semi-annually',
      'on the 1st of January and July at 00:00',
      ['2024-07-01T00:00:00+02:00', '2025-01-01T00:00:00+01:00'],
    ],
  ])('%s: %s', (ev, words, next) => {
    expect(describeCalendarEvent(ev)).toBe(words);
    expect(runs(ev, 2)).toEqual(next.slice(0, 2));
  });

  it('reads full day names, lists and mixed case as PBS does', () => {
    expect(runs('Saturday 18:15')).toEqual(['2024-06-08T18:15:00+02:00']);
    expect(runs('mon,wed 08:00', 2)).toEqual(['2024-06-10T08:00:00+02:00', '2024-06-12T08:00:00+02:00']);
    expect(describeCalendarEvent('mon,wed 08:00')).toBe('Mondays and Wednesdays at 08:00');
    expect(describeCalendarEvent('Mon..Fri 01:30')).toBe('Mon–Fri at 01:30');
  });
});

describe('calendar events: edge cases', () => {
  it('ranges, steps, ranges with steps, and weekday ranges that wrap past Sunday', () => {
    expect(runs('1..10/3:00', 4, local(VIE, 2024, 6, 5))).toEqual([
      '2024-06-05T01:00:00+02:00',
      '2024-06-05T04:00:00+02:00',
      '2024-06-05T07:00:00+02:00',
      '2024-06-05T10:00:00+02:00',
    ]);
    expect(runs('1..10/3:00', 1, local(VIE, 2024, 6, 5, 10, 0, 0))).toEqual(['2024-06-06T01:00:00+02:00']);
    expect(runs('fri..mon 10:00', 4)).toEqual([
      '2024-06-07T10:00:00+02:00',
      '2024-06-08T10:00:00+02:00',
      '2024-06-09T10:00:00+02:00',
      '2024-06-10T10:00:00+02:00',
    ]);
    expect(describeCalendarEvent('fri..mon 10:00')).toBe('Fri–Mon at 10:00');
    expect(runs('*:*:0/20', 3)).toEqual([
      '2024-06-05T10:00:20+02:00',
      '2024-06-05T10:00:40+02:00',
      '2024-06-05T10:01:00+02:00',
    ]);
    // a single number is the minute of every hour (PBS reads `[[HOURS:]MINUTES[:SECONDS]]`)
    expect(runs('12', 2)).toEqual(['2024-06-05T10:12:00+02:00', '2024-06-05T11:12:00+02:00']);
    expect(describeCalendarEvent('12')).toBe('every hour at :12');
  });

  it('a step past the end of the day carries into the next one, as PBS computes it (systemd starts over at 00:04)', () => {
    expect(runs('0/7:04', 3, local(VIE, 2024, 6, 5, 21, 4))).toEqual([
      '2024-06-06T07:04:00+02:00',
      '2024-06-06T14:04:00+02:00',
      '2024-06-06T21:04:00+02:00',
    ]);
  });

  it('month ends: the 31st only in months that have one', () => {
    expect(runs('*-31 12:00', 4)).toEqual([
      '2024-07-31T12:00:00+02:00',
      '2024-08-31T12:00:00+02:00',
      '2024-10-31T12:00:00+01:00',
      '2024-12-31T12:00:00+01:00',
    ]);
    // 1, 16 and 31: June has no 31st, so July 1 comes next
    expect(runs('*-1..31/15', 3)).toEqual([
      '2024-06-16T00:00:00+02:00',
      '2024-07-01T00:00:00+02:00',
      '2024-07-16T00:00:00+02:00',
    ]);
  });

  it('Feb 29 only in leap years', () => {
    expect(runs('*-02-29 12:00', 2, local(VIE, 2023, 1, 1))).toEqual([
      '2024-02-29T12:00:00+01:00',
      '2028-02-29T12:00:00+01:00',
    ]);
    expect(runs('2025-02-29')).toEqual([]);
    expect(runs('*-02-28,29 06:00', 3, local(VIE, 2025, 1, 1))).toEqual([
      '2025-02-28T06:00:00+01:00',
      '2026-02-28T06:00:00+01:00',
      '2027-02-28T06:00:00+01:00',
    ]);
  });

  it('Vienna, clocks forward: a time in the gap is skipped that day; hourly runs go on after the gap', () => {
    const before = local(VIE, 2024, 3, 30, 12);
    expect(runs('02:30', 2, before)).toEqual(['2024-04-01T02:30:00+02:00', '2024-04-02T02:30:00+02:00']);
    expect(runs('*:30', 3, local(VIE, 2024, 3, 31, 1))).toEqual([
      '2024-03-31T01:30:00+01:00',
      '2024-03-31T03:30:00+02:00',
      '2024-03-31T04:30:00+02:00',
    ]);
    expect(runs('daily', 2, before)).toEqual(['2024-03-31T00:00:00+01:00', '2024-04-01T00:00:00+02:00']);
  });

  it('Vienna, clocks back: 02:30 happens twice and runs once, the first time', () => {
    expect(runs('02:30', 2, local(VIE, 2024, 10, 26, 12))).toEqual([
      '2024-10-27T02:30:00+02:00',
      '2024-10-28T02:30:00+01:00',
    ]);
    expect(runs('*:30', 4, local(VIE, 2024, 10, 27, 1))).toEqual([
      '2024-10-27T01:30:00+02:00',
      '2024-10-27T02:30:00+02:00',
      '2024-10-27T03:30:00+01:00',
      '2024-10-27T04:30:00+01:00',
    ]);
    expect(runs('daily', 2, local(VIE, 2024, 10, 26, 12))).toEqual([
      '2024-10-27T00:00:00+02:00',
      '2024-10-28T00:00:00+01:00',
    ]);
  });

  it('New York, both changes (2 am local)', () => {
    expect(runs('02:30', 2, local(NY, 2024, 3, 9, 12), NY)).toEqual([
      '2024-03-11T02:30:00-04:00',
      '2024-03-12T02:30:00-04:00',
    ]);
    expect(runs('01:30', 2, local(NY, 2024, 11, 2, 12), NY)).toEqual([
      '2024-11-03T01:30:00-04:00',
      '2024-11-04T01:30:00-05:00',
    ]);
    expect(runs('sun 03:00', 1, local(NY, 2024, 3, 9, 12), NY)).toEqual(['2024-03-10T03:00:00-04:00']);
  });

  it('an event marked UTC ignores the zone', () => {
    expect(runs('daily UTC')).toEqual(['2024-06-06T02:00:00+02:00']);
    expect(describeCalendarEvent('daily UTC')).toBe('every day at 00:00 (UTC)');
  });
});

describe('calendar events: what PBS refuses, with its message', () => {
  it.each([
    ['', 'unable to parse calendar event at \'\' - Context("date or time specification")'],
    ['noday 10:00', 'unable to parse calendar event at \'noday\' - Context("weekday")'],
    ['mon 10:61', "unable to parse calendar event at '10:61' - Nom(Eof)"],
    ['10:61', 'unable to parse calendar event at \'10:61\' - Context("date or time specification")'],
    ['mon 10:00 extra', "unable to parse calendar event at ' extra' - Nom(Eof)"],
    ['Daily', 'unable to parse calendar event at \'Daily\' - Context("weekday")'],
    [' daily', 'unable to parse calendar event at \' daily\' - Context("date or time specification")'],
    ['10..5:00', 'unable to parse calendar event at \'10..5:00\' - Context("date or time specification")'],
  ])('%j', (text, message) => {
    expect(() => verifyCalendarEvent(text)).toThrow(message);
  });

  it('accepts what PBS accepts even where it surprises (25:00 is minute 25 of every hour)', () => {
    expect(runs('25:00')).toEqual(['2024-06-05T10:25:00+02:00']);
    expect(() => verifyCalendarEvent('mon10:00')).not.toThrow();
  });
});
