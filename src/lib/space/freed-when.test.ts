import { fromLocal } from '../tz';
import { freedWhen, GC_CUTOFF_SECONDS } from './freed-when';

const zone = 'Europe/Vienna';
const at = (year: number, month: number, day: number, hour: number, minute = 0) =>
  fromLocal({ year, month, day, hour, minute, second: 0 }, zone);

describe('when forgetting frees its chunks', () => {
  it('is the first scheduled GC starting 24 h 5 min after the last mark, for snapshots older than it', () => {
    // GC daily at 03:00 Vienna; the last one started Monday 03:00; it is Monday noon
    const lastMark = at(2026, 12, 7, 3);
    const w = freedWhen({
      lastMark,
      snapshotTimes: [at(2026, 11, 30, 1)],
      schedule: '03:00',
      zone,
      now: at(2026, 12, 7, 12),
    });
    expect(w.notBefore).toBe(lastMark + GC_CUTOFF_SECONDS);
    // Tuesday's 03:00 starts exactly 24 h after the mark: not enough; Wednesday's does
    expect(w.at).toBe(at(2026, 12, 9, 3));
    expect(w.fromBackup).toBe(false);
  });

  it('counts from the backup of a snapshot written after the last mark', () => {
    const lastMark = at(2026, 12, 5, 3);
    const backup = at(2026, 12, 6, 22, 30);
    const w = freedWhen({
      lastMark,
      snapshotTimes: [at(2026, 12, 1, 22), backup],
      schedule: '03:00',
      zone,
      now: at(2026, 12, 7, 9),
    });
    expect(w.notBefore).toBe(backup + GC_CUTOFF_SECONDS);
    expect(w.at).toBe(at(2026, 12, 8, 3));
    expect(w.fromBackup).toBe(true);
  });

  it('is the next run when the cutoff is already past, and none without a schedule', () => {
    const lastMark = at(2026, 3, 20, 3);
    const now = at(2026, 3, 28, 23, 45);
    const w = freedWhen({ lastMark, snapshotTimes: [at(2026, 3, 1, 1)], schedule: 'sun 02:30', zone, now });
    // 29 March 2026 is the spring change in Vienna: 02:30 does not exist that night, so PBS runs a week later
    expect(w.at).toBe(at(2026, 4, 5, 2, 30));
    expect(freedWhen({ lastMark, snapshotTimes: [], schedule: '', zone, now }).at).toBeNull();
    expect(freedWhen({ lastMark, snapshotTimes: [], schedule: 'not a schedule', zone, now }).at).toBeNull();
  });

  it('reads the schedule by the server zone across the new year', () => {
    const lastMark = at(2026, 12, 31, 1);
    const w = freedWhen({
      lastMark,
      snapshotTimes: [],
      schedule: 'mon..fri 01:00',
      zone,
      now: at(2026, 12, 31, 23, 30),
    });
    // Friday 1 January 01:00 is 24 h after the mark, not after 24 h 5 min: Monday 4 January
    expect(w.at).toBe(at(2027, 1, 4, 1));
  });
});
