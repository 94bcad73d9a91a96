import { createTestServer } from '../node';
import { call, login, type Session } from './test-client';

const t = createTestServer();
let admin: Session;
let store: string;

beforeAll(async () => {
  t.server.listen({ onUnhandledRequest: 'error' });
  admin = await login('root@pam');
  store = ((await call('GET', '/admin/datastore', { session: admin })).json!.data as { store: string }[])[0]!.store;
});
afterAll(() => t.server.close());

const enc = encodeURIComponent;

describe('tasks', () => {
  it('follows a GC task from its UPID to the last log line', async () => {
    const upid = (await call('POST', `/admin/datastore/${store}/gc`, { session: admin })).json!.data as string;
    t.sim.advance(3600);
    const st = await call('GET', `/nodes/localhost/tasks/${enc(upid)}/status`, { session: admin });
    expect(st.json!.data).toMatchObject({ upid, type: 'garbage_collection', status: 'stopped', user: 'root@pam' });
    const log = await call('GET', `/nodes/localhost/tasks/${enc(upid)}/log?limit=0&test-status=1`, { session: admin });
    expect(log.json).toMatchObject({ success: 1, active: false });
    const lines = log.json!.data as { n: number; t: string }[];
    expect(lines[0]!.n).toBe(1);
    expect(log.json!.total).toBe(lines.length);
    expect(lines.at(-1)!.t).toMatch(/TASK (OK|WARNINGS: \d+|ERROR: .+)$/);
    const bad = await call('GET', `/nodes/localhost/tasks/${enc(upid)}/log?download=1&limit=5`, { session: admin });
    expect([bad.status, bad.text]).toEqual([400, "Parameter 'download' cannot be used with other parameters"]);
  });

  it("shows a user without Sys.Audit only its own tasks, paged with PBS's total", async () => {
    t.auth.addUser({ userid: 'ops@pbs', password: 'pw', enable: true, expire: 0 });
    t.auth.addAcl({ path: `/datastore/${store}`, ugid: 'ops@pbs', roleid: 'DatastoreAdmin', propagate: true });
    const ops = await login('ops@pbs', 'pw');
    const mine = [];
    for (let i = 0; i < 3; i++) {
      const r = await call('POST', `/admin/datastore/${store}/verify`, {
        session: ops,
        form: { 'ignore-verified': '1' },
      });
      expect(r.status).toBe(200);
      mine.push(r.json!.data as string);
      t.sim.advance(7200);
    }
    const page = await call('GET', '/nodes/localhost/tasks?limit=2&typefilter=verify', { session: ops });
    const rows = page.json!.data as { upid: string; user: string }[];
    expect(rows.map((r) => r.user)).toEqual(['ops@pbs', 'ops@pbs']);
    expect(page.json!.total).toBe(3);
    const rest = await call('GET', '/nodes/localhost/tasks?start=2&limit=2&typefilter=verify', { session: ops });
    expect((rest.json!.data as unknown[]).length).toBe(1);
    expect(rest.json!.total).toBe(3);

    const audit = await login('audit@pbs');
    const foreign = await call('GET', `/nodes/localhost/tasks/${enc(mine[0]!)}/status`, { session: audit });
    expect(foreign.status).toBe(200);
    const abort = await call('DELETE', `/nodes/localhost/tasks/${enc(mine[0]!)}`, { session: audit });
    expect([abort.status, abort.text]).toEqual([400, "missing permissions 'Sys.Modify' on '/system/tasks'"]);
  });
});

describe('simulator control, faults and deck config', () => {
  it('moves the clock and reports it in Date headers', async () => {
    const before = t.sim.now();
    const r = await fetch('http://localhost:3000/__sim/clock', {
      method: 'POST',
      body: JSON.stringify({ advance: 86400 }),
    });
    const { now } = (await r.json()) as { now: number };
    expect(now - before).toBeGreaterThanOrEqual(86400);
    const v = await call('GET', '/version', { session: admin });
    expect(Math.abs(new Date(v.headers.get('date')!).getTime() / 1000 - now)).toBeLessThanOrEqual(1);
  });

  it('injects server errors and dropped connections, then clears them', async () => {
    const faults = (body: object) =>
      fetch('http://localhost:3000/__sim/faults', { method: 'POST', body: JSON.stringify(body) });
    await faults({ errorRate: 1 });
    expect((await call('GET', '/version', { session: admin })).status).toBe(500);
    await faults({ errorRate: 0, dropRate: 1 });
    await expect(call('GET', '/version', { session: admin })).rejects.toThrow();
    await faults({ dropRate: 0 });
    expect((await call('GET', '/version', { session: admin })).status).toBe(200);
  });

  it('hits the same requests with errors again after the fault stream starts over from the same seed', async () => {
    const faults = (body: object) =>
      fetch('http://localhost:3000/__sim/faults', { method: 'POST', body: JSON.stringify(body) });
    const statuses = async () => {
      const out: number[] = [];
      for (let i = 0; i < 24; i++) out.push((await call('GET', '/version', { session: admin })).status);
      return out;
    };
    await faults({ errorRate: 0.5, faultSeed: 42 });
    const first = await statuses();
    await faults({ faultSeed: 42 });
    const again = await statuses();
    await faults({ faultSeed: 43 });
    const other = await statuses();
    await faults({ errorRate: 0 });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });

  it('ends every session at once on request; a new login works', async () => {
    const session = await login('audit@pbs');
    expect((await call('GET', '/version', { session })).status).toBe(200);
    await fetch('http://localhost:3000/__sim/expire-tickets', { method: 'POST', body: '{}' });
    const refused = await call('GET', '/version', { session });
    expect([refused.status, refused.text]).toEqual([401, 'authentication failed']);
    admin = await login('root@pam');
    expect((await call('GET', '/version', { session: admin })).status).toBe(200);
  });

  it('fails one datastore on request', async () => {
    await fetch('http://localhost:3000/__sim/faults', {
      method: 'POST',
      body: JSON.stringify({ failDatastore: { store, message: 'simulated outage' } }),
    });
    const usage = await call('GET', '/status/datastore-usage', { session: admin });
    const row = (usage.json!.data as { store: string; error?: string }[]).find((s) => s.store === store);
    expect(row?.error).toContain('simulated outage');
    await fetch('http://localhost:3000/__sim/faults', {
      method: 'POST',
      body: JSON.stringify({ failDatastore: { store, message: null } }),
    });
  });

  it('answers /deck/config with the demo logins', async () => {
    const config = (await (await fetch('http://localhost:3000/deck/config')).json()) as {
      backend: string;
      demoLogins: { username: string }[];
    };
    expect(config.backend).toBe('simulator');
    expect(config.demoLogins.map((l) => l.username)).toEqual(['root@pam', 'audit@pbs', 'totp@pbs']);
  });
});
