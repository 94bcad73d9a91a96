// Sync jobs through the API: listed with their schedule status, run by whoever may run them, refused otherwise.
import { createTestServer } from '../node';
import { call, login, type Session } from './test-client';

const T0 = 1717574400; // Wed 2024-06-05 10:00 in Vienna
const t = createTestServer({ startTime: T0, speed: 0, historyDays: 3 });
let admin: Session;
let audit: Session;

beforeAll(async () => {
  t.server.listen({ onUnhandledRequest: 'error' });
  admin = await login('root@pam');
  audit = await login('audit@pbs');
});
afterAll(() => t.server.close());

describe('sync jobs', () => {
  it('lists the demo job with its schedule status and the config digest', async () => {
    const r = await call('GET', '/admin/sync?store=offsite', { session: admin });
    expect(r.json!.digest).toMatch(/^[0-9a-f]{64}$/);
    const [job] = r.json!.data as Record<string, unknown>[];
    expect(job).toMatchObject({
      id: 's-branch-offsite',
      store: 'offsite',
      remote: 'pbs-branch',
      'remote-store': 'branch',
      schedule: '04:30',
    });
    // the first run after the job was created: 04:30 the next morning in Vienna
    expect(job!['next-run']).toBe(Date.UTC(2024, 5, 6, 2, 30) / 1000);
    expect((await call('GET', '/admin/sync?store=store1', { session: admin })).json!.data).toEqual([]);
    expect(((await call('GET', '/config/sync', { session: admin })).json!.data as unknown[]).length).toBe(1);
  });

  it('runs for root and refuses the audit user as PBS does', async () => {
    const denied = await call('POST', '/admin/sync/s-branch-offsite/run', { session: audit });
    expect([denied.status, denied.text]).toEqual([400, 'permission check failed']);
    const r = await call('POST', '/admin/sync/s-branch-offsite/run', { session: admin });
    expect(r.json!.data).toMatch(
      /:syncjob:pbs\\x2dbranch\\x3abranch\\x3aoffsite\\x3a\\x3as\\x2dbranch\\x2doffsite:root@pam:$/,
    );
    const missing = await call('POST', '/admin/sync/s-nope-0001/run', { session: admin });
    expect([missing.status, missing.text]).toEqual([400, "no such sync 's-nope-0001'"]);
  });
});
