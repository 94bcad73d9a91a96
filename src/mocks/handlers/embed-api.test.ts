import { createTestServer } from '../node';
import { call, login } from './test-client';

const t = createTestServer({
  handlers: { embedApi: true, allowControl: (r) => r.headers.get('x-test-loopback') === '1' },
});

beforeAll(() => t.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => t.server.close());

describe('embed API and control access', () => {
  it('reads through /embed-api with the held token, whoever the browser is logged in as', async () => {
    const r = await fetch('http://localhost:3000/embed-api/api2/json/status/datastore-usage');
    expect(r.status).toBe(200);
    const write = await fetch('http://localhost:3000/embed-api/api2/json/admin/datastore/x/gc', { method: 'POST' });
    expect(write.status).toBe(405);
  });

  it('answers the allowlisted reads, with their parameters, as PBS does for the read-only token', async () => {
    const tasks = await fetch(
      'http://localhost:3000/embed-api/api2/json/nodes/localhost/tasks?errors=1&limit=5&since=0',
    );
    expect(tasks.status).toBe(200);
    expect(((await tasks.json()) as { data: unknown[] }).data.length).toBeLessThanOrEqual(5);
    const store = t.sim.datastoreConfigs()[0]!.name;
    const status = await fetch(`http://localhost:3000/embed-api/api2/json/admin/datastore/${store}/status?verbose=1`);
    expect(status.status).toBe(200);
  });

  it.each([
    ['/embed-api/api2/json/access/users', 403],
    ['/embed-api/api2/json/admin/datastore/store1/snapshots', 403],
    ['/embed-api/api2/json/nodes/localhost/tasks?userfilter=root%40pam', 400],
    ['/embed-api/api2/json/admin/datastore/store1/status?verbose=1&verbose=1', 400],
    ['/embed-api/api2/json/admin/datastore/a%2Fb/status', 400],
    ['/embed-api/api2/json/access/ticket', 403],
  ])('refuses %s with %i', async (path, status) => {
    const r = await fetch(`http://localhost:3000${path}`);
    expect(r.status).toBe(status);
    expect(await r.text()).toMatch(/embed API|not allowed|malformed|more than once/);
  });

  it.each(['PUT', 'DELETE', 'POST'])('refuses %s without reaching the simulator', async (method) => {
    const before = t.sim.listTasks({}).total;
    const r = await fetch('http://localhost:3000/embed-api/api2/json/admin/datastore/store1/gc', { method });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD');
    expect(t.sim.listTasks({}).total).toBe(before);
  });

  it('answers /__sim/ only where allowed, and a reset starts a new simulator with the new seed', async () => {
    expect((await fetch('http://localhost:3000/__sim/info')).status).toBe(404);
    const headers = { 'x-test-loopback': '1' };
    const admin = await login('root@pam');
    const r = await fetch('http://localhost:3000/__sim/reset', {
      method: 'POST',
      headers,
      body: JSON.stringify({ seed: 99 }),
    });
    expect(((await r.json()) as { seed: number }).seed).toBe(99);
    expect(t.sim.seed).toBe(99);
    // keys derive from the seed: the old ticket is no longer valid
    expect((await call('GET', '/version', { session: admin })).status).toBe(401);
    const info = (await (await fetch('http://localhost:3000/__sim/info', { headers })).json()) as {
      token: { secret: string };
    };
    expect(info.token.secret).toBe(t.auth.tokenSecret('audit@pbs!dashboard'));
  });
});
