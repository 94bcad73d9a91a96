import type { TaskListItem } from '@/api/schemas/tasks';
import { failureSince, seenMark, unseenFailures } from './failures';

const task = (over: Partial<TaskListItem>): TaskListItem => ({
  upid: `UPID:pbs:00000001:00000001:00000001:00000001:${over.worker_type ?? 'verify'}:x:root@pam:${Math.random()}`,
  node: 'localhost',
  pid: 1,
  pstart: 1,
  starttime: 1_000,
  worker_type: 'verify',
  worker_id: 'store1',
  user: 'root@pam',
  endtime: 2_000,
  status: 'verification failed - please check the log for details',
  ...over,
});

describe('unseen failures', () => {
  it('keeps failed verify, GC, prune and sync jobs; not backups, warnings, OK or running tasks', () => {
    const rows = [
      task({ worker_type: 'garbage_collection', endtime: 3_000, status: 'Start GC failed - (already running/locked)' }),
      task({ worker_type: 'verificationjob' }),
      task({ worker_type: 'syncjob', endtime: 2_500, status: 'connection refused' }),
      task({ worker_type: 'prunejob', status: 'OK' }),
      task({ worker_type: 'prune', status: 'WARNINGS: 1' }),
      task({ worker_type: 'backup', status: 'backup failed' }),
      task({ worker_type: 'verify', endtime: undefined, status: undefined }),
    ];
    expect(unseenFailures(rows, null).map((t) => t.worker_type)).toEqual([
      'garbage_collection',
      'syncjob',
      'verificationjob',
    ]);
    expect(unseenFailures(rows, 2_500).map((t) => t.worker_type)).toEqual(['garbage_collection']);
  });

  it('marks seen up to the newest failure shown, never back in time', () => {
    expect(seenMark([task({ endtime: 5 }), task({ endtime: 9 })], null)).toBe(9);
    expect(seenMark([], 7)).toBe(7);
    expect(seenMark([], null)).toBeNull();
  });

  it('asks from a day boundary a week before the acknowledgement, so polls share one query', () => {
    const day = 86_400;
    expect(failureSince(null, 100 * day + 500)).toBe(93 * day);
    expect(failureSince(null, 100 * day + 80_000)).toBe(93 * day);
    expect(failureSince(50 * day + 1, 100 * day)).toBe(43 * day);
  });
});
