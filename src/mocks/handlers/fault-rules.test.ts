import { getResponse } from 'msw';
import { createTestServer } from '../node';
import { faultRules } from './fault-rules';
import { createHandlers } from './handlers';
import { BASE, call, login, type CallResult, type Session } from './test-client';

const t = createTestServer();
let admin: Session;

beforeAll(async () => {
  t.server.listen({ onUnhandledRequest: 'error' });
  admin = await login('root@pam');
});
afterEach(() => {
  vi.useRealTimers();
  faultRules(t.sim).clear();
});
afterAll(() => t.server.close());

const SNAPSHOTS = '/admin/datastore/store1/snapshots';
const MODIFIED = 'detected modified configuration - file changed by other user? Try again.';

async function faults(body: unknown): Promise<{ status: number; text: string }> {
  const r = await fetch(`${BASE}/__sim/faults`, { method: 'POST', body: JSON.stringify(body) });
  return { status: r.status, text: await r.text() };
}

async function rulesInForce(): Promise<unknown[]> {
  const info = (await (await fetch(`${BASE}/__sim/info`)).json()) as { faults: { rules: unknown[] } };
  return info.faults.rules;
}

const get = (path: string) => call('GET', path, { session: admin });

describe('fault rules through /__sim/faults', () => {
  it('answers one path with 403 in plain text while the next path answers as usual', async () => {
    expect(await faults({ rules: [{ path: `/api2/json${SNAPSHOTS}`, status: 403 }] })).toMatchObject({ status: 200 });
    const refused = await get(SNAPSHOTS);
    expect([refused.status, refused.text]).toEqual([403, 'permission check failed']);
    expect(refused.json).toBeNull();
    const groups = await get('/admin/datastore/store1/groups');
    expect(groups.status).toBe(200);
    expect(Array.isArray(groups.json?.data)).toBe(true);
    // until cleared
    expect((await get(SNAPSHOTS)).status).toBe(403);
    await faults({ clearRules: true });
    expect((await get(SNAPSHOTS)).status).toBe(200);
  });

  it('applies a rule `times` often, reports what is left, then lets the handler answer', async () => {
    await faults({ addRules: [{ path: '/api2/json/version', status: 500, times: 2 }] });
    expect(await rulesInForce()).toEqual([{ path: '/api2/json/version', status: 500, times: 2 }]);
    const first = await get('/version');
    expect([first.status, first.text]).toEqual([500, 'internal server error (simulated fault)']);
    expect(await rulesInForce()).toEqual([{ path: '/api2/json/version', status: 500, times: 1 }]);
    expect((await get('/version')).status).toBe(500);
    expect(await rulesInForce()).toEqual([]);
    expect((await get('/version')).status).toBe(200);
  });

  it('matches the method, `*` for one segment and a trailing `**`, first rule first', async () => {
    const answer = await faults({
      rules: [
        { method: 'PUT', path: '/api2/json/config/datastore/*', status: 400, body: 'first rule' },
        { path: '/api2/json/config/**', status: 503, body: 'second rule' },
      ],
    });
    expect(JSON.parse(answer.text)).toMatchObject({ faults: { rules: [{ method: 'PUT' }, { status: 503 }] } });
    const put = await call('PUT', '/config/datastore/store1', { session: admin, form: { comment: 'x' } });
    expect([put.status, put.text]).toEqual([400, 'first rule']);
    // not a PUT: the second rule takes it
    expect((await get('/config/datastore/store1')).text).toBe('second rule');
    expect((await get('/config/datastore')).text).toBe('second rule');
    // `*` is one segment only, and the pattern says /config/, not /admin/
    expect((await call('PUT', '/config/datastore/store1/x', { session: admin })).text).toBe('second rule');
    expect((await get('/admin/datastore')).status).toBe(200);
  });

  it('sends an object body as JSON', async () => {
    await faults({ rules: [{ path: '/api2/json/version', status: 502, body: { data: null, note: 'gateway' } }] });
    const r = await get('/version');
    expect([r.status, r.json]).toEqual([502, { data: null, note: 'gateway' }]);
  });

  it('drops the connection', async () => {
    await faults({ rules: [{ method: 'GET', path: '/api2/json/version', drop: true, times: 1 }] });
    await expect(get('/version')).rejects.toThrow(TypeError);
    expect((await get('/version')).status).toBe(200);
  });

  it('goes offline for every PBS path and comes back when the rule is cleared', async () => {
    await faults({ rules: [{ path: '/api2/json/**', drop: true }] });
    await expect(get('/version')).rejects.toThrow();
    await expect(get(SNAPSHOTS)).rejects.toThrow();
    await expect(call('GET', '/no/such/path', { session: admin })).rejects.toThrow();
    // the control surface is never faulted
    await faults({ clearRules: true });
    expect((await get('/version')).status).toBe(200);
  });

  it("answers 401 as PBS 4.x does, and a PBS parameter error in readParams' words", async () => {
    await faults({
      rules: [
        { path: '/api2/json/version', status: 401, times: 1 },
        { path: '/api2/json/nodes/localhost/tasks', paramErrors: { limit: 'invalid digit found in string' } },
      ],
    });
    const expired = await get('/version');
    expect([expired.status, expired.text]).toEqual([401, 'authentication failed']);
    const one = await get('/nodes/localhost/tasks');
    expect([one.status, one.text]).toEqual([
      400,
      "parameter verification failed - 'limit': invalid digit found in string",
    ]);
    // the real check, for the same mistake
    faultRules(t.sim).clear();
    expect((await get('/nodes/localhost/tasks?limit=abc')).text).toBe(one.text);

    faultRules(t.sim).add({
      path: '/api2/json/nodes/localhost/tasks',
      paramErrors: { limit: 'invalid digit found in string', start: 'value must have a minimum value of 0 (got -5)' },
    });
    const two = await get('/nodes/localhost/tasks');
    faultRules(t.sim).clear();
    const real = await get('/nodes/localhost/tasks?limit=abc&start=-5');
    expect([two.status, two.text]).toEqual([real.status, real.text]);
    expect(two.text).toBe(
      "parameter verification failed:\n- 'limit': invalid digit found in string\n- 'start': value must have a minimum value of 0 (got -5)",
    );
  });

  it("answers a digest conflict exactly as the simulator's own digest check does", async () => {
    const stale = 'ab'.repeat(32);
    const real = await call('PUT', '/config/datastore/store1', {
      session: admin,
      form: { comment: 'x', digest: stale },
    });
    await faults({ rules: [{ method: 'PUT', path: '/api2/json/config/datastore/store1', digestConflict: true }] });
    // even with no digest sent: the rule stands for someone else's edit in between
    const ruled = await call('PUT', '/config/datastore/store1', { session: admin, form: { comment: 'y' } });
    expect([ruled.status, ruled.text]).toEqual([real.status, real.text]);
    expect([ruled.status, ruled.text]).toEqual([400, MODIFIED]);
    expect(t.sim.datastoreConfig('store1').comment).not.toBe('y');
  });

  it('refuses a bad rule with 400 naming the field, and keeps the rules it had', async () => {
    await faults({ rules: [{ path: '/api2/json/version', status: 503 }] });
    const cases: [unknown, unknown][] = [
      [
        { rules: [{ path: '/api2/json/version', status: 200 }] },
        "'rules[0].status' must be an integer from 400 to 599",
      ],
      [
        {
          addRules: [
            { path: '/x', status: 403 },
            { path: '/x', stauts: 403 },
          ],
        },
        "'addRules[1].stauts' is not a rule field",
      ],
      [{ addRules: [{ status: 403 }] }, "'addRules[0].path' must be a path starting with '/'"],
      [
        { addRules: [{ path: '/x', method: 'get', status: 403 }] },
        "'addRules[0].method' must be one of GET, POST, PUT, DELETE",
      ],
      [{ addRules: [{ path: '/x', body: 'no status' }] }, "'addRules[0].body' needs a 'status'"],
      [{ addRules: [{ path: '/x', times: 0, status: 500 }] }, "'addRules[0].times' must be a whole number, 1 or more"],
      [
        { addRules: [{ path: '/x', delayMs: -1 }] },
        "'addRules[0].delayMs' must be a number of milliseconds, 0 or more",
      ],
      [
        { addRules: [{ path: '/x', drop: true, status: 500 }] },
        "'addRules[0]' gives both 'status' and 'drop': choose one",
      ],
      [{ addRules: [{ path: '/x' }] }, expect.stringContaining("'addRules[0]' does nothing")],
      [{ addRules: [{ path: '/**/x', drop: true }] }, "'addRules[0].path' may have '**' only as its last segment"],
      [
        { addRules: [{ path: '/x', paramErrors: {} }] },
        "'addRules[0].paramErrors' must map parameter names to messages",
      ],
      [{ addRules: { path: '/x', drop: true } }, "'addRules' must be an array of rules"],
      [{ clearRules: 'yes' }, "'clearRules' must be true or false"],
    ];
    for (const [body, text] of cases) expect(await faults(body), JSON.stringify(body)).toEqual({ status: 400, text });
    expect(await rulesInForce()).toEqual([{ path: '/api2/json/version', status: 503 }]);
  });

  it('forgets every rule on reset', async () => {
    await faults({ rules: [{ path: '/api2/json/**', status: 503 }] });
    const reset = await fetch(`${BASE}/__sim/reset`, { method: 'POST', body: '{}' });
    expect(((await reset.json()) as { faults: { rules: unknown[] } }).faults.rules).toEqual([]);
    admin = await login('root@pam');
    expect((await get('/version')).status).toBe(200);
  });
});

describe('fault rules set directly on the simulator', () => {
  it("waits a rule's delay before the real handler, or before its own answer", async () => {
    faultRules(t.sim).add(
      { path: '/api2/json/version', delayMs: 5_000 },
      { path: '/api2/json/nodes/localhost/time', delayMs: 30_000, status: 503 },
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const settled: Record<string, CallResult> = {};
    const five = get('/version').then((r) => (settled.five = r));
    const thirty = get('/nodes/localhost/time').then((r) => (settled.thirty = r));
    // a call without a rule goes through meanwhile
    expect((await get('/nodes/localhost/status')).status).toBe(200);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(settled).toEqual({});
    await vi.advanceTimersByTimeAsync(1);
    expect((await five).status).toBe(200);
    await vi.advanceTimersByTimeAsync(24_999);
    expect(settled.thirty).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(((await thirty) as CallResult).status).toBe(503);
  });

  it("delays a 401 as PBS does, by the handlers' authFailDelayMs, in 3.x wording where asked", async () => {
    const handlers = createHandlers({ host: t.host, authFailDelayMs: 3_000, authFailureReasons: true });
    faultRules(t.sim).add({ path: '/api2/json/version', status: 401 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let answer: Response | undefined;
    const pending = getResponse(handlers, new Request(`${BASE}/api2/json/version`)).then((r) => (answer = r));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    const r = (await pending)!;
    expect([r.status, await r.text()]).toEqual([401, 'authentication failed - invalid ticket - expired']);
  });

  it('checks a rule given in code the same way', () => {
    expect(() => faultRules(t.sim).add({ path: 'version', status: 403 })).toThrow(
      "'rules[0].path' must be a path starting with '/'",
    );
    expect(faultRules(t.sim).list()).toEqual([]);
  });
});
