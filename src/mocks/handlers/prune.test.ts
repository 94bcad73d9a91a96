// Prune through the API: one group (dry run, real run, use-task), a namespace subtree as a `prune` task, and
// prune jobs (CRUD with digest, status, run, schedule on the sim clock).
import { createTestServer } from '../node';
import { call, login, type Session } from './test-client';

const S = 1_700_000_000; // Tue 2023-11-14 23:13:20 in Vienna
const day = (k: number) => S - k * 86400;
const t = createTestServer({ profile: 'large', startTime: S, speed: 0 });
let admin: Session;
let audit: Session;

beforeAll(async () => {
  t.server.listen({ onUnhandledRequest: 'error' });
  const h = t.sim.createEmptyDatastore('hand');
  h.insertChunk('c', 4194304, 1_000_000, S);
  h.addNamespace('dev');
  for (let k = 9; k >= 0; k--) {
    h.addSnapshot({
      type: 'vm',
      id: '100',
      time: day(k),
      files: [{ filename: 'drive-scsi0.img.fidx', chunks: ['c'] }],
    });
    h.addSnapshot({
      ns: 'dev',
      type: 'ct',
      id: '200',
      time: day(k),
      files: [{ filename: 'root.pxar.didx', chunks: ['c'] }],
    });
  }
  t.sim.setProtected('hand', '', 'vm', '100', day(6), true);
  admin = await login('root@pam');
  audit = await login('audit@pbs');
});
afterAll(() => t.server.close());

const marks = (data: unknown) =>
  (data as { keep: boolean; protected: boolean }[]).map((i) => (i.protected ? 'p' : i.keep ? 'k' : '-')).join('');

describe('prune', () => {
  it('previews a group with dry-run, oldest first, and removes nothing', async () => {
    const form = { 'backup-type': 'vm', 'backup-id': '100', 'keep-daily': '3', 'keep-weekly': '2', 'dry-run': '1' };
    const r = await call('POST', '/admin/datastore/hand/prune', { session: admin, form });
    expect(marks(r.json!.data)).toBe('k--p---kkk');
    expect((r.json!.data as { 'backup-time': number }[])[0]!['backup-time']).toBe(day(9));
    expect(t.sim.listSnapshots('hand', '', 'vm', '100')).toHaveLength(10);
    const ns = await call('POST', '/admin/datastore/hand/prune', {
      session: admin,
      form: { ...form, 'backup-type': 'ct', 'backup-id': '200', ns: 'dev' },
    });
    expect((ns.json!.data as { ns?: string }[])[0]!.ns).toBe('dev');
  });

  it('refuses the audit user with the namespace-aware 403', async () => {
    const r = await call('POST', '/admin/datastore/hand/prune', {
      session: audit,
      form: { 'backup-type': 'vm', 'backup-id': '100', 'dry-run': '1' },
    });
    expect([r.status, r.text]).toEqual([
      403,
      'permission check failed - missing Datastore.Modify|Datastore.Prune on /datastore/hand',
    ]);
  });

  it('prune-datastore runs a `prune` task over the namespace subtree, with PBS lines', async () => {
    const r = await call('POST', '/admin/datastore/hand/prune-datastore', {
      session: admin,
      form: { ns: 'dev', 'keep-last': '2', 'dry-run': 'true' },
    });
    const upid = r.json!.data as string;
    expect(upid).toMatch(/:prune:hand\\x3adev:root@pam:$/);
    t.sim.advance(5);
    const lines = t.sim.taskLog(upid, 0, 0).data.map((l) => l.t.replace(/^\S+: /, ''));
    expect(lines.slice(0, 5)).toEqual([
      "Starting datastore prune on datastore 'hand', namespace 'dev', down to full depth",
      '(dry test run)',
      'retention options: --ns dev --keep-last 2',
      'Pruning group dev:"ct/200"',
      'would remove ct/200/2023-11-05T22:13:20Z',
    ]);
    expect(lines.slice(-3)).toEqual([
      'would keep ct/200/2023-11-13T22:13:20Z',
      'would keep ct/200/2023-11-14T22:13:20Z',
      'TASK OK',
    ]);
    expect(t.sim.listSnapshots('hand', 'dev')).toHaveLength(10);
  });

  it('keeps prune jobs with a digest; a disabled job has no next run', async () => {
    const create = await call('POST', '/config/prune', {
      session: admin,
      form: { id: 's-hand-0001', store: 'hand', schedule: 'daily', 'keep-last': '3' },
    });
    expect(create.status).toBe(200);
    const missing = await call('POST', '/config/prune', { session: admin, form: { id: 's-hand-0002', store: 'hand' } });
    expect([missing.status, missing.text]).toEqual([
      400,
      "parameter verification failed - 'schedule': parameter is missing and it is not optional.",
    ]);
    const { digest } = (await call('GET', '/config/prune', { session: admin })).json as { digest: string };
    expect(
      (await call('PUT', '/config/prune/s-hand-0001', { session: admin, form: { disable: '1', digest } })).status,
    ).toBe(200);
    const stale = await call('PUT', '/config/prune/s-hand-0001', { session: admin, form: { disable: '0', digest } });
    expect([stale.status, stale.text]).toEqual([
      400,
      'detected modified configuration - file changed by other user? Try again.',
    ]);
    const status = (await call('GET', '/admin/prune?store=hand', { session: admin })).json!.data as Record<
      string,
      unknown
    >[];
    expect(status).toEqual([{ id: 's-hand-0001', store: 'hand', schedule: 'daily', 'keep-last': 3, disable: true }]);
    await call('PUT', '/config/prune/s-hand-0001', { session: admin, form: { delete: 'disable' } });
    const enabled = (await call('GET', '/admin/prune?store=hand', { session: admin })).json!.data as Record<
      string,
      unknown
    >[];
    // midnight after 2023-11-14 23:13:20 in Vienna
    expect(enabled[0]!['next-run']).toBe(1700002800);
  });

  it('runs a prune job now and on schedule; the removals stay removed', async () => {
    const upid = (await call('POST', '/admin/prune/s-hand-0001/run', { session: admin })).json!.data as string;
    expect(upid).toMatch(/:prunejob:hand:root@pam:$/);
    t.sim.advance(5);
    const lines = t.sim.taskLog(upid, 0, 4).data.map((l) => l.t.replace(/^\S+: /, ''));
    expect(lines).toEqual([
      "prune job 's-hand-0001'",
      "Starting datastore prune on datastore 'hand', root namespace, down to full depth",
      'retention options: --keep-last 3',
      'Pruning group :"vm/100"',
    ]);
    // keep-last 3 keeps days 0..2, the protected one stays
    expect(t.sim.listSnapshots('hand', '', 'vm', '100').map((s) => s['backup-time'])).toEqual([6, 2, 1, 0].map(day));
    const job = ((await call('GET', '/admin/prune', { session: admin })).json!.data as Record<string, unknown>[]).find(
      (j) => j.id === 's-hand-0001',
    )!;
    expect(job).toMatchObject({ 'last-run-upid': upid, 'last-run-state': 'OK' });
    t.sim.advance(86400);
    const scheduled = t.sim.listTasks({ typefilter: 'prunejob', limit: 0 }).data.filter((x) => x.worker_id === 'hand');
    expect(scheduled.length).toBe(2);
  });
});
