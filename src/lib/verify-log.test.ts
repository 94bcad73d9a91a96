import { logMessage, parseBackupPath, parseVerifyLog } from './verify-log';

const ts = '2024-06-05T10:00:01+02:00: ';
// A verify job over two namespaces with one corrupt chunk, in the wording of pbs-formats.md §6.5.
const failedJob = [
  "Starting datastore verify job 'v-1a2b3c4d-5e6f'",
  "task triggered by schedule 'daily'",
  'verify datastore store1',
  'found 2 groups',
  'verify group store1:vm/100 (2 snapshots)',
  'verify store1:vm/100/2024-06-04T22:00:00Z',
  '  check qemu-server.conf.blob',
  '  check drive-scsi0.img.fidx',
  "can't verify chunk, load failed - store 'store1', unable to load chunk 'ab12' - Data blob has wrong CRC checksum.",
  'corrupted chunk renamed to "/data/store1/.chunks/ab12/ab12.0.bad"',
  '  verified 10.00/40.00 MiB in 0.10 seconds, speed 100.00/400.00 MiB/s (1 errors)',
  'verify store1:vm/100/2024-06-04T22:00:00Z/drive-scsi0.img.fidx failed: chunks could not be verified',
  'percentage done: 25.00% (0/2 groups, 1/2 snapshots in group #1)',
  'SKIPPED: verify store1:vm/100/2024-06-03T22:00:00Z (recently verified)',
  'percentage done: 50.00% (1/2 groups)',
  'verify group store1:ct/200 (1 snapshots)',
  'verify store1:ct/200/2024-06-04T23:00:00Z',
  '  check root.pxar.didx',
  '  verified 1.00/2.00 MiB in 0.01 seconds, speed 100.00/200.00 MiB/s (0 errors)',
  'percentage done: 100.00% (2/2 groups)',
  'Failed to verify the following snapshots/groups:',
  '\tns/prod/ns/db/vm/100/2024-06-04T22:00:00Z',
  'TASK ERROR: verification failed - please check the log for details',
].map((m) => ts + m);

describe('parseVerifyLog', () => {
  it('finds the failed snapshot with its namespace, time and reason', () => {
    const s = parseVerifyLog(failedJob);
    expect(s.result).toBe('error');
    expect(s.error).toBe('verification failed - please check the log for details');
    expect(s.verified).toBe(2);
    expect(s.skipped).toBe(1);
    expect(s.chunkErrors).toBe(1);
    expect(s.failed).toEqual([
      {
        path: 'ns/prod/ns/db/vm/100/2024-06-04T22:00:00Z',
        ns: 'prod/db',
        type: 'vm',
        id: '100',
        time: Date.UTC(2024, 5, 4, 22) / 1000,
        reasons: ['drive-scsi0.img.fidx: chunks could not be verified'],
      },
    ]);
  });

  it('reads a successful run and one still running', () => {
    const ok = parseVerifyLog([`${ts}verify store1:host/web/2024-06-04T22:00:00Z`, `${ts}TASK OK`]);
    expect(ok).toMatchObject({ result: 'ok', verified: 1, failed: [] });
    const running = parseVerifyLog([`${ts}verify datastore store1`, `${ts}found 3 groups`]);
    expect(running.result).toBeNull();
    expect(parseVerifyLog([`${ts}TASK WARNINGS: 2`]).result).toBe('warning');
  });

  it('takes failed groups and lines without a timestamp', () => {
    const s = parseVerifyLog([
      'Failed to verify the following snapshots/groups:',
      '\tct/300',
      '\tnot a path',
      'TASK ERROR: x',
    ]);
    expect(s.failed).toEqual([{ path: 'ct/300', ns: '', type: 'ct', id: '300', reasons: [] }]);
  });

  it('does not count skip and manifest errors as verified snapshots', () => {
    const s = parseVerifyLog([
      'SKIPPED: verify store1:vm/1/2024-06-04T22:00:00Z - snapshot does not exist (anymore).',
      'verify store1:vm/1/2024-06-04T22:00:00Z - manifest load error: unable to load blob',
    ]);
    expect(s).toMatchObject({ verified: 0, skipped: 1 });
  });
});

describe('parseBackupPath', () => {
  it('refuses what is not a backup path', () => {
    expect(parseBackupPath('vm')).toBeNull();
    expect(parseBackupPath('disk/100')).toBeNull();
    expect(parseBackupPath('vm/100/yesterday')).toBeNull();
    expect(parseBackupPath('vm/100/2024-06-04T22:00:00Z/extra')).toBeNull();
  });
});

describe('logMessage', () => {
  it('strips the RFC 3339 prefix with any offset', () => {
    expect(logMessage('2024-06-05T10:00:01+00:00: TASK OK')).toBe('TASK OK');
    expect(logMessage('2024-06-05T10:00:01-05:30: verify x')).toBe('verify x');
    expect(logMessage('no prefix: here')).toBe('no prefix: here');
  });
});
