import { gcRow, pruneRow, sortJobRows, syncRow, verifyRow } from './job-rows';

const NOW = 1_700_000_000;
const upid = (start: number) =>
  `UPID:pbs:000003E8:0001A2B3:00000002:${start.toString(16).toUpperCase()}:verificationjob:s\\x3av:root@pam:`;

describe('job rows', () => {
  it('reads the last run, its duration and a run under way', () => {
    const done = verifyRow(
      {
        id: 'v',
        store: 's',
        schedule: 'daily',
        'next-run': NOW + 60,
        'last-run-upid': upid(NOW - 100),
        'last-run-state': 'OK',
        'last-run-endtime': NOW - 40,
      },
      NOW,
    );
    expect(done).toMatchObject({ result: 'ok', lastStart: NOW - 100, lastEnd: NOW - 40, overdue: false, ns: '' });
    const running = verifyRow({ id: 'v', store: 's', 'last-run-upid': upid(NOW - 5) }, NOW);
    expect(running.result).toBe('running');
    expect(verifyRow({ id: 'v', store: 's' }, NOW).result).toBeNull();
  });

  it('calls a job overdue when its next run passed without a start, unless disabled', () => {
    expect(verifyRow({ id: 'v', store: 's', 'next-run': NOW - 3600 }, NOW).overdue).toBe(true);
    expect(verifyRow({ id: 'v', store: 's', 'next-run': NOW - 60 }, NOW).overdue).toBe(false);
    expect(
      pruneRow({ id: 'p', store: 's', schedule: 'daily', disable: true, 'next-run': NOW - 3600 }, NOW),
    ).toMatchObject({ disabled: true, overdue: false });
  });

  it('puts failed, then overdue jobs first', () => {
    const rows = sortJobRows([
      gcRow(
        {
          store: 'a',
          upid: null,
          'index-file-count': 0,
          'index-data-bytes': 0,
          'disk-bytes': 0,
          'disk-chunks': 0,
          'removed-bytes': 0,
          'removed-chunks': 0,
          'pending-bytes': 0,
          'pending-chunks': 0,
          'removed-bad': 0,
          'still-bad': 0,
        },
        NOW,
      ),
      syncRow({ id: 'late', store: 'b', 'remote-store': 'r', remote: 'pbs2', 'next-run': NOW - 3600 }, NOW),
      verifyRow(
        {
          id: 'bad',
          store: 'z',
          'last-run-upid': upid(NOW - 100),
          'last-run-state': 'verification failed',
          'last-run-endtime': NOW - 50,
        },
        NOW,
      ),
    ]);
    expect(rows.map((r) => r.id)).toEqual(['bad', 'late', 'a']);
    expect(rows[1]?.source).toBe('pbs2:r');
  });
});
