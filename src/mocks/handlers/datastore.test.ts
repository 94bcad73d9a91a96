import { createTestServer } from '../node';
import { call, login, type Session } from './test-client';

const UPID =
  /^UPID:[A-Za-z0-9][A-Za-z0-9-]*:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8,16}:[0-9A-F]{8}:[^:\s]+:[^:\s]*:[^:\s]+:$/;
const t = createTestServer();
let admin: Session;
let audit: Session;
let store: string;

beforeAll(async () => {
  t.server.listen({ onUnhandledRequest: 'error' });
  admin = await login('root@pam');
  audit = await login('audit@pbs');
  const list = await call('GET', '/admin/datastore', { session: admin });
  store = (list.json!.data as { store: string }[])[0]!.store;
});
afterAll(() => t.server.close());

describe('PBS error texts', () => {
  it('answers an unknown path with 404 and the full path', async () => {
    const r = await call('GET', '/no-such-path', { session: admin });
    expect([r.status, r.text]).toEqual([404, "Path '/api2/json/no-such-path' not found."]);
    const wrongMethod = await call('DELETE', '/version', { session: admin });
    expect(wrongMethod.status).toBe(404);
  });

  it('authenticates before it says a path does not exist', async () => {
    expect((await call('GET', '/no-such-path')).status).toBe(401);
  });

  it('refuses an unknown parameter but ignores _dc', async () => {
    const r = await call('GET', '/version?no-such-param=1', { session: admin });
    expect([r.status, r.text]).toEqual([
      400,
      "parameter verification failed - 'no-such-param': schema does not allow additional properties.",
    ]);
    expect((await call('GET', '/version?_dc=1700000000000', { session: admin })).status).toBe(200);
  });

  it('names a bad enum value', async () => {
    const r = await call('GET', `/admin/datastore/${store}/rrd?timeframe=hour&cf=average`, { session: admin });
    expect([r.status, r.text]).toEqual([
      400,
      "parameter verification failed - 'cf': value 'average' is not defined in the enumeration.",
    ]);
  });

  it('lists several missing parameters one per line, sorted', async () => {
    const r = await call('GET', `/admin/datastore/${store}/rrd`, { session: admin });
    expect(r.text).toBe(
      "parameter verification failed:\n- 'cf': parameter is missing and it is not optional.\n- 'timeframe': parameter is missing and it is not optional.",
    );
  });

  it('parses booleans the PBS way, in forms and JSON', async () => {
    for (const v of ['1', 'yes', 'on', 'TRUE']) {
      expect((await call('GET', `/admin/datastore/${store}/status?verbose=${v}`, { session: admin })).status).toBe(200);
    }
    const r = await call('GET', `/admin/datastore/${store}/status?verbose=maybe`, { session: admin });
    expect(r.text).toBe("parameter verification failed - 'verbose': Unable to parse boolean option.");
    const j = await call('POST', `/admin/datastore/${store}/verify`, {
      session: admin,
      json: { 'ignore-verified': 'yes' },
    });
    expect(j.text).toBe("parameter verification failed - 'ignore-verified': Expected boolean value.");
  });

  it("passes the simulator's errors through", async () => {
    const r = await call('GET', '/admin/datastore/nosuchstore/snapshots', { session: admin });
    expect([r.status, r.text]).toEqual([400, "no such datastore 'nosuchstore'"]);
    const ns = await call('GET', `/admin/datastore/${store}/snapshots?ns=nosuchns`, { session: admin });
    expect([ns.status, ns.text]).toEqual([400, 'ENOENT: No such file or directory']);
  });
});

describe('garbage collection and writes', () => {
  it('starts GC and answers with its UPID, carrying the simulator time in Date', async () => {
    const r = await call('POST', `/admin/datastore/${store}/gc`, { session: admin });
    expect(r.status).toBe(200);
    expect(r.json!.data).toMatch(UPID);
    expect((r.json!.data as string).split(':')[6]).toBe('garbage_collection');
    expect(new Date(r.headers.get('date')!).getTime() / 1000).toBe(t.sim.now());
  });

  it('refuses the auditor\'s GC with 403 "permission check failed"', async () => {
    const r = await call('POST', `/admin/datastore/${store}/gc`, { session: audit });
    expect([r.status, r.text]).toEqual([403, 'permission check failed']);
  });

  it('refuses a stale config digest', async () => {
    const list = await call('GET', '/config/datastore', { session: admin });
    expect(list.json!.digest).toMatch(/^[0-9a-f]{64}$/);
    const w = await call('PUT', `/config/datastore/${store}`, {
      session: admin,
      form: { comment: 'x', digest: '0'.repeat(64) },
    });
    expect(w.status).toBe(400);
    expect(w.text).toContain('detected modified configuration');
  });

  it('tells a Datastore.Backup-less user which privileges it lacks on the namespace', async () => {
    t.auth.addUser({ userid: 'nobody@pbs', password: 'pw', enable: true, expire: 0 });
    const nobody = await login('nobody@pbs', 'pw');
    const r = await call('GET', `/admin/datastore/${store}/groups`, { session: nobody });
    expect([r.status, r.text]).toEqual([
      403,
      `permission check failed - missing Datastore.Audit|Datastore.Backup on /datastore/${store}`,
    ]);
    expect((await call('GET', '/admin/datastore', { session: nobody })).json!.data).toEqual([]);
  });
});

describe('downloads', () => {
  it("serves a snapshot's manifest decoded, and refuses files the snapshot does not have", async () => {
    const groups = (await call('GET', `/admin/datastore/${store}/groups`, { session: admin })).json!.data as {
      'backup-type': string;
      'backup-id': string;
      'last-backup': number;
    }[];
    const g = groups[0]!;
    const q = `backup-type=${g['backup-type']}&backup-id=${encodeURIComponent(g['backup-id'])}&backup-time=${g['last-backup']}`;
    const r = await call('GET', `/admin/datastore/${store}/download-decoded?${q}&file-name=index.json.blob`, {
      session: admin,
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      'backup-type': g['backup-type'],
      'backup-id': g['backup-id'],
      'backup-time': g['last-backup'],
    });
    const other = await call('GET', `/admin/datastore/${store}/download-decoded?${q}&file-name=missing.img.fidx`, {
      session: admin,
    });
    expect(other.status).toBe(400);
    expect(other.text).toMatch(
      /^unable to read fixed index '".*\/missing\.img\.fidx"' - No such file or directory \(os error 2\)$/,
    );
  });
});
