import { hasGcSummary, parseGcLog, parseHumanByte, splitLogLine } from './gc-log';

// PBS 4.x wording (pbs-formats.md §6.3 + §6.7): access-time lines, chunk cache, warnings without prefix.
const PBS4 = [
  '2026-03-02T02:30:00+01:00: starting garbage collection on store store1',
  "2026-03-02T02:30:00+01:00: task triggered by schedule '02:30'",
  '2026-03-02T02:30:00+01:00: Access time update check successful, proceeding with GC.',
  '2026-03-02T02:30:00+01:00: Using access time cutoff 1d 5m, minimum access time is 2026-03-01T01:25:00Z',
  '2026-03-02T02:30:00+01:00: Start GC phase1 (mark used chunks)',
  '2026-03-02T02:30:01+01:00: marked 100% (12 of 12 index files)',
  '2026-03-02T02:30:01+01:00: Start GC phase2 (sweep unused chunks)',
  '2026-03-02T02:30:03+01:00: processed 50% (400 chunks)',
  '2026-03-02T02:30:04+01:00: Chunk cache: hits 2, misses 2 (hit ratio 50.00%)',
  '2026-03-02T02:30:04+01:00: Removed garbage: 390.625 KiB',
  '2026-03-02T02:30:04+01:00: Removed chunks: 1',
  '2026-03-02T02:30:04+01:00: Pending removals: 976.563 KiB (in 2 chunks)',
  '2026-03-02T02:30:04+01:00: Original data usage: 16 MiB',
  '2026-03-02T02:30:04+01:00: On-Disk usage: 4.864 MiB (30.40%)',
  '2026-03-02T02:30:04+01:00: On-Disk chunks: 4',
  '2026-03-02T02:30:04+01:00: Deduplication factor: 3.29',
  '2026-03-02T02:30:04+01:00: Average chunk size: 1.216 MiB',
  '2026-03-02T02:30:05+01:00: TASK OK',
];

// PBS 3.2 wording: no access-time or cache lines, `WARN: ` prefix, bad chunk lines; a run started by hand.
const PBS3 = [
  '2024-06-05T16:24:36+02:00: starting garbage collection on store store2',
  '2024-06-05T16:24:36+02:00: Start GC phase1 (mark used chunks)',
  '2024-06-05T16:24:37+02:00: WARN: warning: unable to access non-existent chunk ab12, required by "/mnt/store2/vm/100/2024-06-01T00:00:00Z/drive-scsi0.img.fidx"',
  '2024-06-05T16:24:37+02:00: marked 100% (3 of 3 index files)',
  '2024-06-05T16:24:37+02:00: Start GC phase2 (sweep unused chunks)',
  '2024-06-05T16:24:40+02:00: Removed garbage: 1.5 GiB',
  '2024-06-05T16:24:40+02:00: Removed chunks: 512',
  '2024-06-05T16:24:40+02:00: Removed bad chunks: 2',
  '2024-06-05T16:24:40+02:00: Leftover bad chunks: 1',
  '2024-06-05T16:24:40+02:00: Original data usage: 100 GiB',
  '2024-06-05T16:24:40+02:00: On-Disk usage: 20 GiB (20.00%)',
  '2024-06-05T16:24:40+02:00: On-Disk chunks: 6000',
  '2024-06-05T16:24:40+02:00: Deduplication factor: 5.00',
  '2024-06-05T16:24:40+02:00: Average chunk size: 3.413 MiB',
  '2024-06-05T16:24:41+02:00: TASK WARNINGS: 1',
];

describe('parseHumanByte', () => {
  it('reads the shortest-float and the old two-decimal forms, IEC and SI', () => {
    expect(parseHumanByte('0 B')).toBe(0);
    expect(parseHumanByte('512 B')).toBe(512);
    expect(parseHumanByte('1.5 KiB')).toBe(1536);
    expect(parseHumanByte('4 MiB')).toBe(4 * 2 ** 20);
    expect(parseHumanByte('1.00 GiB')).toBe(2 ** 30);
    expect(parseHumanByte('2 TB')).toBe(2e12);
    expect(parseHumanByte('12 bytes')).toBe(12);
    expect(parseHumanByte('lots')).toBeUndefined();
    expect(parseHumanByte('3 XiB')).toBeUndefined();
  });
});

describe('splitLogLine', () => {
  it('takes the RFC 3339 prefix with its offset as the time', () => {
    expect(splitLogLine('2024-06-05T16:24:36+02:00: TASK OK')).toEqual({
      time: Date.UTC(2024, 5, 5, 14, 24, 36) / 1000,
      message: 'TASK OK',
    });
    expect(splitLogLine('no stamp: here')).toEqual({ message: 'no stamp: here' });
  });
});

describe('parseGcLog', () => {
  it('reads a PBS 4 scheduled run', () => {
    const s = parseGcLog(PBS4);
    expect(s).toEqual({
      start: Date.UTC(2026, 2, 2, 1, 30, 0) / 1000,
      end: Date.UTC(2026, 2, 2, 1, 30, 5) / 1000,
      schedule: '02:30',
      removedBytes: 400000,
      removedChunks: 1,
      pendingBytes: 1000001,
      pendingChunks: 2,
      removedBad: 0,
      stillBad: 0,
      originalBytes: 16 * 2 ** 20,
      diskBytes: 5100274,
      diskChunks: 4,
      dedupFactor: 3.29,
      result: 'OK',
    });
    expect(hasGcSummary(s)).toBe(true);
  });

  it('reads a PBS 3 run with warnings and bad chunks, and no pending line', () => {
    const s = parseGcLog(PBS3);
    expect(s.schedule).toBeUndefined();
    expect(s).toMatchObject({
      removedBytes: 1.5 * 2 ** 30,
      removedChunks: 512,
      pendingBytes: 0,
      pendingChunks: 0,
      removedBad: 2,
      stillBad: 1,
      originalBytes: 100 * 2 ** 30,
      diskBytes: 20 * 2 ** 30,
      diskChunks: 6000,
      dedupFactor: 5,
      result: 'WARNINGS: 1',
    });
    expect(s.end! - s.start!).toBe(5);
  });

  it('has no summary for a run that failed before phase 2 or still runs', () => {
    const failed = parseGcLog([
      '2024-06-05T16:24:36+02:00: starting garbage collection on store store2',
      '2024-06-05T16:24:36+02:00: TASK ERROR: Start GC failed - (already running/locked)',
    ]);
    expect(failed.result).toBe('Start GC failed - (already running/locked)');
    expect(hasGcSummary(failed)).toBe(false);
    expect(hasGcSummary(parseGcLog(PBS4.slice(0, 8)))).toBe(false);
    expect(parseGcLog(PBS4.slice(0, 8)).result).toBeUndefined();
  });
});
