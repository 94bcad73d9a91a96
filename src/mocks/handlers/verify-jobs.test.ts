// Verify jobs through the API: create, read with digest, update with a stale digest refused, schedule errors per
// parameter, delete, status with next-run and last-run-*, run now, and the lock while a run is going.
import { createTestServer } from '../node';
import { call, login, type Session } from './test-client';

// Wed 2024-06-05 10:00:00 in Vienna
const T0 = 1717574400;
const t = createTestServer({ startTime: T0, speed: 0, historyDays: 3 });
let admin: Session;
let audit: Session;

beforeAll(async () => {
  t.server.listen({ onUnhandledRequest: 'error' });
  admin = await login('root@pam');
  audit = await login('audit@pbs');
});
afterAll(() => t.server.close());

const job = { id: 'v-test-0001', store: 'store1', schedule: 'sat 18:15', 'outdated-after': '30', comment: 'weekly' };

describe('verify jobs', () => {
  it('creates a job, refuses the same id twice and a bad schedule at its parameter', async () => {
    const bad = await call('POST', '/config/verify', { session: admin, form: { ...job, schedule: 'sat 18:61' } });
    expect([bad.status, bad.text]).toEqual([
      400,
      "parameter verification failed - 'schedule': unable to parse calendar event at '18:61' - Nom(Eof)",
    ]);
    const badId = await call('POST', '/config/verify', { session: admin, form: { ...job, id: 'x' } });
    expect([badId.status, badId.text]).toEqual([
      400,
      "parameter verification failed - 'id': value must be at least 3 characters long",
    ]);
    expect((await call('POST', '/config/verify', { session: admin, form: job })).json).toEqual({ data: null });
    const again = await call('POST', '/config/verify', { session: admin, form: job });
    expect([again.status, again.text]).toEqual([
      400,
      "parameter verification failed - 'id': job 'v-test-0001' already exists.",
    ]);
  });

  it('reads the job with the digest of the config file, and refuses an edit with a stale digest', async () => {
    const r = await call('GET', '/config/verify/v-test-0001', { session: admin });
    expect(r.json!.data).toEqual({
      id: 'v-test-0001',
      store: 'store1',
      schedule: 'sat 18:15',
      'outdated-after': 30,
      comment: 'weekly',
    });
    const digest = r.json!.digest as string;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const first = await call('PUT', '/config/verify/v-test-0001', {
      session: admin,
      form: { comment: '  changed  ', digest },
    });
    expect(first.status).toBe(200);
    const second = await call('PUT', '/config/verify/v-test-0001', {
      session: admin,
      form: { comment: 'mine', digest },
    });
    expect([second.status, second.text]).toEqual([
      400,
      'detected modified configuration - file changed by other user? Try again.',
    ]);
    const now = await call('GET', '/config/verify/v-test-0001', { session: admin });
    expect((now.json!.data as { comment: string }).comment).toBe('changed');
    expect(now.json!.digest).not.toBe(digest);
  });

  it('deletes properties through `delete`, and refuses one it does not know', async () => {
    const r = await call('PUT', '/config/verify/v-test-0001', {
      session: admin,
      form: { delete: ['comment', 'outdated-after'] },
    });
    expect(r.status).toBe(200);
    expect((await call('GET', '/config/verify/v-test-0001', { session: admin })).json!.data).toEqual({
      id: 'v-test-0001',
      store: 'store1',
      schedule: 'sat 18:15',
    });
    const bad = await call('PUT', '/config/verify/v-test-0001', { session: admin, form: { delete: 'store' } });
    expect([bad.status, bad.text]).toEqual([
      400,
      "parameter verification failed - 'delete': value 'store' is not defined in the enumeration.",
    ]);
  });

  it('lists the job with its next run; the audit user sees it but may not run it', async () => {
    const r = await call('GET', '/admin/verify?store=store1', { session: admin });
    const mine = (r.json!.data as Record<string, unknown>[]).find((j) => j.id === 'v-test-0001');
    // Saturday 2024-06-08 18:15 in Vienna (+02:00)
    expect(mine).toMatchObject({ 'next-run': 1717863300 });
    expect(mine).not.toHaveProperty('last-run-upid');
    const denied = await call('POST', '/admin/verify/v-test-0001/run', { session: audit });
    expect([denied.status, denied.text]).toEqual([
      400,
      "missing permissions 'Datastore.Verify' on '/datastore/store1'",
    ]);
  });

  it('runs now: a verificationjob task, running until it ends, then its state and end time', async () => {
    const r = await call('POST', '/admin/verify/v-test-0001/run', { session: admin });
    const upid = r.json!.data as string;
    expect(upid).toMatch(/:verificationjob:store1\\x3av\\x2dtest\\x2d0001:root@pam:$/);
    const running = (await call('GET', '/admin/verify', { session: admin })).json!.data as Record<string, unknown>[];
    const during = running.find((j) => j.id === 'v-test-0001')!;
    expect(during['last-run-upid']).toBe(upid);
    expect(during).not.toHaveProperty('last-run-state');
    const twice = await call('POST', '/admin/verify/v-test-0001/run', { session: admin });
    expect([twice.status, twice.text]).toEqual([
      400,
      'Unable to acquire lock "/var/lib/proxmox-backup/jobstates/verificationjob-v-test-0001.lck" - Interrupted system call (os error 4)',
    ]);
    t.sim.advance(6 * 3600);
    const after = (
      (await call('GET', '/admin/verify', { session: admin })).json!.data as Record<string, unknown>[]
    ).find((j) => j.id === 'v-test-0001')!;
    expect(after['last-run-state']).toMatch(/^(OK|verification failed - please check the log for details)$/);
    expect(after['last-run-endtime']).toBeGreaterThan(T0);
    const log = t.sim.taskLog(upid, 0, 3).data.map((l) => l.t.replace(/^\S+: /, ''));
    expect(log[0]).toBe("Starting datastore verify job 'store1:v-test-0001'");
  });

  it('an aborted job run ends as PBS words it', async () => {
    const upid = (await call('POST', '/admin/verify/v-test-0001/run', { session: admin })).json!.data as string;
    expect(
      (await call('DELETE', `/nodes/localhost/tasks/${encodeURIComponent(upid)}`, { session: admin })).status,
    ).toBe(200);
    expect(t.sim.taskStatus(upid).exitstatus).toBe('verification failed - job aborted');
  });

  it('a schedule created through the API fires on the sim clock, and stops when the job is deleted', async () => {
    await call('POST', '/config/verify', {
      session: admin,
      form: { id: 'v-hourly-01', store: 'store1', schedule: 'hourly' },
    });
    const from = t.sim.now();
    t.sim.advance(3600 * 2 + 60);
    const runs = () =>
      t.sim
        .listTasks({ typefilter: 'verificationjob', limit: 0, since: from })
        .data.filter((x) => x.worker_id === 'store1:v-hourly-01');
    expect(runs().length).toBeGreaterThanOrEqual(1);
    const { digest } = (await call('GET', '/config/verify', { session: admin })).json as { digest: string };
    expect((await call('DELETE', '/config/verify/v-hourly-01', { session: admin, form: { digest } })).status).toBe(200);
    const count = runs().length;
    t.sim.advance(3 * 3600);
    expect(runs().length).toBe(count);
    const gone = await call('DELETE', '/config/verify/v-hourly-01', { session: admin });
    expect([gone.status, gone.text]).toEqual([400, "no such verification 'v-hourly-01'"]);
  });
});
