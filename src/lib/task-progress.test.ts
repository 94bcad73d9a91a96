import { logLineTime, logMessage, taskProgress } from './task-progress';

const ts = (msg: string) => `2024-06-05T16:24:36+02:00: ${msg}`;

describe('logMessage', () => {
  it('strips the timestamp PBS puts before every line', () => {
    expect(logMessage(ts('TASK OK'))).toBe('TASK OK');
    expect(logMessage('2024-06-05T14:24:36Z: verify datastore store1')).toBe('verify datastore store1');
    expect(logMessage('no timestamp: here')).toBe('no timestamp: here');
  });
});

describe('taskProgress', () => {
  it('reads the newest "percentage done" of a verify, in every progress form PBS writes', () => {
    const lines = [
      ts('verify datastore store1'),
      ts('percentage done: 3.33% (0/3 groups, 1/10 snapshots in group #1)'),
      ts('verify store1:vm/100/2024-06-05T10:00:00Z'),
      ts('percentage done: 33.33% (1/3 groups)'),
      ts('  check index.json.blob'),
    ];
    expect(taskProgress('verify', lines)).toEqual({ percent: 33.33, label: 'Verified 1/3 groups' });
    expect(taskProgress('verificationjob', lines.slice(0, 2))).toEqual({
      percent: 3.33,
      label: 'Verified 0/3 groups, 1/10 snapshots in group #1',
    });
    expect(taskProgress('verify_group', [ts('percentage done: 50.00% (1/2 snapshots)')])?.percent).toBe(50);
  });

  it('follows garbage collection through both phases', () => {
    const phase1 = [ts('starting garbage collection on store store2'), ts('Start GC phase1 (mark used chunks)')];
    expect(taskProgress('garbage_collection', phase1)).toEqual({
      percent: 0,
      label: 'Phase 1 of 2, marking used chunks',
    });
    const marked = [...phase1, ts('marked 1% (1 of 100 index files)'), ts('marked 42% (42 of 100 index files)')];
    expect(taskProgress('garbage_collection', marked)).toEqual({
      percent: 42,
      label: 'Phase 1 of 2, marking used chunks (42 of 100 index files)',
    });
    const phase2 = [...marked, ts('marked 100% (100 of 100 index files)'), ts('Start GC phase2 (sweep unused chunks)')];
    expect(taskProgress('garbage_collection', phase2)?.label).toBe('Phase 2 of 2, sweeping unused chunks');
    const swept = [...phase2, ts('processed 7% (1234 chunks)')];
    expect(taskProgress('garbage_collection', swept)).toEqual({
      percent: 7,
      label: 'Phase 2 of 2, sweeping unused chunks (1234 chunks so far)',
    });
  });

  it('tells nothing for tasks without progress lines, or before the first one', () => {
    expect(taskProgress('backup', [ts('percentage done: 10.00% (1/10 groups)')])).toBeNull();
    expect(taskProgress('verify', [ts('verify datastore store1'), ts('found 3 groups')])).toBeNull();
    expect(taskProgress('garbage_collection', [])).toBeNull();
  });

  it('finds the newest progress at the end of a 100 000-line log without reading it all', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => ts(`  check file${i}`));
    lines.push(ts('percentage done: 99.99% (9999/10000 groups)'));
    // count the lines it reads: only the last one, where the progress is
    const read = new Set<number>();
    const watched = new Proxy(lines, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.add(Number(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(taskProgress('verify', watched)?.percent).toBe(99.99);
    expect([...read]).toEqual([100_000]);
    lines.push(ts('  check file100001'), ts('  check file100002'));
    read.clear();
    expect(taskProgress('verify', watched)?.percent).toBe(99.99);
    expect([...read].sort((a, b) => a - b)).toEqual([100_000, 100_001, 100_002]);
  });
});

describe('logLineTime', () => {
  it('reads the local timestamp with its offset', () => {
    expect(logLineTime('2024-06-05T16:24:36+02:00: TASK OK')).toBe(Date.UTC(2024, 5, 5, 14, 24, 36) / 1000);
    expect(logLineTime('TASK OK')).toBeNull();
  });
});
