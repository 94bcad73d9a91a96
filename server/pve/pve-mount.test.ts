// @vitest-environment node
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPveMount } from './pve-mount.ts';
import { listen, request, startDeck, type Running } from '../test-utils.ts';

interface Seen {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const TOKEN = 'root@pam!deck=5e1f-secret';
const GOOD = 'PBSAuthCookie=PBS%3Agood';
const P = '/pve-api/api2/json';

// Stand-ins on loopback: a PBS that knows one ticket and its CSRF token, and a PVE that records what arrives.
describe('the /pve-api/ mount', () => {
  const toPve: Seen[] = [];
  const toPbs: Seen[] = [];
  let pbs: Running;
  let pve: Running;
  let deck: Running;
  let mount: ReturnType<typeof createPveMount>;

  beforeAll(async () => {
    pbs = await listen(
      http.createServer((req, res) => {
        toPbs.push({ method: req.method, url: req.url, headers: req.headers, body: '' });
        const good = req.headers.cookie === GOOD;
        if (req.url === '/api2/json/version' && req.method === 'GET')
          res.writeHead(good ? 200 : 401).end(good ? '{"data":{}}' : 'authentication failed');
        else if (req.url === '/api2/json/version') {
          const ok = good && req.headers.csrfpreventiontoken === 'csrf-good';
          res.writeHead(ok ? 404 : 401).end(ok ? "Path '/api2/json/version' not found." : 'authentication failed');
        } else if (req.url?.startsWith('/api2/json/access/permissions')) {
          const path = new URL(req.url, 'http://x').searchParams.get('path') ?? '';
          const privs = path === '/datastore/store1/prod' ? { 'Datastore.Read': true } : { 'Datastore.Audit': true };
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { [path]: privs } }));
        } else res.writeHead(404).end();
      }),
    );
    pve = await listen(
      http.createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          toPve.push({ method: req.method, url: req.url, headers: req.headers, body });
          res.writeHead(200, 'OK', {
            'content-type': 'application/json;charset=UTF-8',
            'set-cookie': 'PVEAuthCookie=x',
          });
          res.end(
            JSON.stringify({
              data: req.method === 'POST' ? 'UPID:pve1:0001E240:0ABCDEF0:65A1B2C3:qmrestore:106:root@pam!deck:' : [],
            }),
          );
        });
      }),
    );
    mount = createPveMount(
      {
        url: new URL(pve.url),
        token: TOKEN,
        fingerprint: null,
        storageMap: new Map([['pbs-prod', { store: 'store1', ns: 'prod' }]]),
        node: 'pve1',
      },
      { url: new URL(pbs.url), fingerprint: null, ca: null },
    );
    deck = await listen(http.createServer((req, res) => mount(req, res)));
  });
  afterAll(async () => {
    mount.close();
    await Promise.all([deck.close(), pve.close(), pbs.close()]);
  });
  beforeEach(() => {
    toPve.length = 0;
    toPbs.length = 0;
  });

  const restore = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    request(deck.url, {
      method: 'POST',
      path: `${P}/nodes/pve1/qemu`,
      headers: {
        cookie: GOOD,
        csrfpreventiontoken: 'csrf-good',
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      body: new URLSearchParams(form).toString(),
    });

  it('forwards an allowlisted read with the token added and nothing of the browser', async () => {
    const r = await request(deck.url, {
      path: `${P}/cluster/resources?type=vm`,
      headers: { cookie: `${GOOD}; other=1`, authorization: 'Bearer evil' },
    });
    expect(r.status).toBe(200);
    expect(toPve).toHaveLength(1);
    expect(toPve[0]!.url).toBe('/api2/json/cluster/resources?type=vm');
    expect(toPve[0]!.headers.authorization).toBe(`PVEAPIToken=${TOKEN}`);
    expect(toPve[0]!.headers.cookie).toBeUndefined();
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(r.text).not.toContain('secret');
  });

  it('refuses without a PBS session, and what is not a restore call, before PVE hears of it', async () => {
    const none = await request(deck.url, { path: `${P}/nodes` });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.text)).toEqual({
      data: null,
      message: 'sign in to the console first: Proxmox VE calls need a PBS session\n',
    });
    expect(
      (await request(deck.url, { path: `${P}/nodes`, headers: { cookie: 'PBSAuthCookie=PBS%3Aold' } })).status,
    ).toBe(401);
    expect((await request(deck.url, { path: `${P}/access/users`, headers: { cookie: GOOD } })).status).toBe(403);
    expect(
      (await request(deck.url, { path: `${P}/nodes/pve1/storage/local/content`, headers: { cookie: GOOD } })).status,
    ).toBe(403);
    expect(toPve).toHaveLength(0);
  });

  it('forwards a restore only with the CSRF token PBS accepts and Datastore.Read there', async () => {
    const volid = 'pbs-prod:backup/vm/200/2024-01-01T00:00:00Z';
    expect((await restore({ vmid: '106', archive: volid }, { csrfpreventiontoken: 'forged' })).status).toBe(401);
    expect((await restore({ vmid: '106', archive: volid, hookscript: 'local:snippets/x.sh' })).status).toBe(403);
    expect((await restore({ vmid: '106', archive: 'local:backup/vzdump-qemu-100.vma' })).status).toBe(403);
    expect(toPve).toHaveLength(0);
    const ok = await restore({ vmid: '106', archive: volid, unique: '1' });
    expect(ok.status).toBe(200);
    expect(toPve[0]).toMatchObject({
      method: 'POST',
      url: '/api2/json/nodes/pve1/qemu',
      body: `vmid=106&archive=${encodeURIComponent(volid)}&unique=1`,
    });
    expect(toPbs.map((s) => `${s.method} ${s.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api2/json/version',
        'GET /api2/json/access/permissions?path=%2Fdatastore%2Fstore1%2Fprod',
      ]),
    );
  });

  it('refuses a restore on another node than PVE_NODE', async () => {
    const r = await request(deck.url, {
      method: 'POST',
      path: `${P}/nodes/pve2/lxc`,
      headers: { cookie: GOOD, csrfpreventiontoken: 'csrf-good', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'vmid=120&ostemplate=pbs-prod%3Abackup%2Fct%2F210%2F2024-01-01T00%3A00%3A00Z&restore=1',
    });
    expect(r.status).toBe(403);
    expect(toPve).toHaveLength(0);
  });
});

describe('/pve-api/ on the deck server', () => {
  it('is the simulated PVE when the simulator runs, and off in front of a PBS without PVE_URL', async () => {
    const sim = await startDeck({ SIM_SEED: '1' });
    try {
      const r = await request(sim.url, { path: `${P}/nodes` });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.text)).toMatchObject({ data: null });
    } finally {
      await sim.close();
    }
    const real = await startDeck({ PBS_URL: 'http://127.0.0.1:9' });
    try {
      const r = await request(real.url, { path: `${P}/nodes` });
      expect(r.status).toBe(404);
      expect(r.text).toContain('set PVE_URL');
    } finally {
      await real.close();
    }
  }, 60_000);
});
