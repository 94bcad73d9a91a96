import { isLogComplete, logLineTone, mergeLog, nextLogStart } from './log-merge';

const line = (n: number, msg: string) => ({ n, t: `2026-01-01T00:00:0${n % 10}+01:00: ${msg}` });

describe('following a log in pieces', () => {
  it('reads the whole log first, then from the last line held, which it replaces', () => {
    expect(nextLogStart(undefined)).toBe(0);
    let state = mergeLog(undefined, { data: [line(1, 'a'), line(2, 'b (partial')], total: 2, active: true });
    expect(nextLogStart(state)).toBe(2);
    state = mergeLog(state, { data: [line(2, 'b (complete)'), line(3, 'c')], total: 3, active: true });
    expect(state.lines.map((l) => l.t.slice(27))).toEqual(['a', 'b (complete)', 'c']);
    expect(state.total).toBe(3);
    state = mergeLog(state, { data: [], total: 3, active: true });
    expect(state.lines).toHaveLength(3);
  });

  it("is complete at PBS's final line, or after two reads that found the task gone", () => {
    const running = mergeLog(undefined, { data: [line(1, 'verify datastore store1')], active: true });
    expect(isLogComplete(running)).toBe(false);
    for (const last of [
      'TASK OK',
      'TASK WARNINGS: 2',
      'TASK ERROR: verification failed - please check the log for details',
    ]) {
      expect(isLogComplete(mergeLog(running, { data: [line(1, 'x'), line(2, last)], active: false }))).toBe(true);
    }
    const once = mergeLog(running, { data: [line(1, 'x')], active: false });
    expect(isLogComplete(once)).toBe(false);
    expect(isLogComplete(mergeLog(once, { data: [line(1, 'x')], active: false }))).toBe(true);
    expect(isLogComplete(undefined)).toBe(false);
  });
});

describe('logLineTone', () => {
  it('marks the failure and what led to it, and warnings', () => {
    expect(
      logLineTone('2026-01-01T00:00:00+01:00: TASK ERROR: verification failed - please check the log for details'),
    ).toBe('error');
    expect(
      logLineTone(
        "2026-01-01T00:00:00+01:00: can't verify chunk, load failed - store 'store1', unable to load chunk 'ab' - Data blob has wrong CRC checksum.",
      ),
    ).toBe('error');
    expect(
      logLineTone(
        '2026-01-01T00:00:00+01:00: verify store1:vm/100/2026-01-01T00:00:00Z/drive-scsi0.img.fidx failed: chunks could not be verified',
      ),
    ).toBe('error');
    expect(logLineTone('2026-01-01T00:00:00+01:00: WARN: warning: unable to access non-existent chunk ab')).toBe(
      'warning',
    );
    expect(
      logLineTone(
        '2026-01-01T00:00:00+01:00:   verified 1.00/2.00 MiB in 0.01 seconds, speed 1.00/2.00 MiB/s (0 errors)',
      ),
    ).toBeNull();
    expect(logLineTone('2026-01-01T00:00:00+01:00: TASK OK')).toBeNull();
  });
});
