import type { TaskListItem } from '@/api/schemas/tasks';
import type { VerifyJobStatus } from '@/api/schemas/verify';
import { verifyHealth } from './verify-health';

const now = 1_800_000_000;
const day = 86_400;

const job = (over: Partial<VerifyJobStatus>): VerifyJobStatus => ({ id: 'v1', store: 'a', ...over });
const task = (over: Partial<TaskListItem>): TaskListItem => ({
  upid: 'UPID:x',
  node: 'localhost',
  pid: 1,
  pstart: 1,
  starttime: now - day,
  worker_type: 'verify',
  worker_id: 'a',
  user: 'root@pam',
  ...over,
});

describe('verifyHealth', () => {
  it('reports the latest run, failed or not', () => {
    expect(verifyHealth('a', [job({ 'last-run-endtime': now - day, 'last-run-state': 'OK' })], [], now)).toEqual({
      kind: 'ok',
      at: now - day,
    });
    expect(
      verifyHealth(
        'a',
        [job({ 'last-run-endtime': now - 2 * day, 'last-run-state': 'OK' })],
        [task({ endtime: now - 100, status: 'verification failed' })],
        now,
      ),
    ).toMatchObject({ kind: 'failed', detail: 'verification failed' });
  });

  it('says outdated after 30 days and never when a job has not run', () => {
    expect(verifyHealth('a', [job({ 'last-run-endtime': now - 31 * day, 'last-run-state': 'OK' })], [], now).kind).toBe(
      'outdated',
    );
    expect(verifyHealth('a', [job({})], [], now).kind).toBe('never');
  });

  it('says unknown without a verify job or before the jobs load', () => {
    expect(verifyHealth('a', [job({ store: 'b' })], [], now)).toEqual({ kind: 'unknown', reason: 'no verify job' });
    expect(verifyHealth('a', undefined, undefined, now).kind).toBe('unknown');
  });

  it('assigns verify tasks by the store in their worker id', () => {
    expect(
      verifyHealth(
        'a',
        [],
        [task({ worker_type: 'verificationjob', worker_id: 'a:v1', endtime: now - 10, status: 'OK' })],
        now,
      ).kind,
    ).toBe('ok');
    expect(
      verifyHealth(
        'ab',
        [],
        [task({ worker_type: 'verificationjob', worker_id: 'a:v1', endtime: now - 10, status: 'OK' })],
        now,
      ).kind,
    ).toBe('unknown');
  });
});
