// @vitest-environment node
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PveConfig } from '../config-extra.ts';
import { createPveMount, type PveMount } from './pve-mount.ts';
import { listen, request, type Running } from '../test-utils.ts';

interface Seen {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const TOKEN = 'deck@pve!restore=5e1f-secret';
const GOOD = 'PBSAuthCookie=PBS%3Akiosk%40pbs%3A65A1B2C3%3A%3Asig';
const OTHER = 'PBSAuthCookie=PBS%3Areader%40pbs%3A65A1B2C3%3A%3Asig';
const P = '/pve-api/api2/json';
const PVE_TICKET = 'PVE:pve-restore@pve:65A1B2C3::sig';
const volid = 'pbs-prod:backup/vm/200/2024-01-01T00:00:00Z';

// Stand-ins on loopback: a PBS that knows two tickets and one CSRF token, and a PVE that records what arrives,
// issues a ticket for pve-restore@pve / demo and refuses VMID 666 as PVE does (text in the reason phrase).
describe('the /pve-api/ mount in front of a real PVE', () => {
  const toPve: Seen[] = [];
  let pbs: Running;
  let pve: Running;
  const decks: { running: Running; mount: PveMount }[] = [];

  const start = async (extra: Partial<PveConfig>) => {
    const mount = createPveMount(
      {
        mode: 'user',
        token: null,
        url: new URL(pve.url),
        fingerprint: null,
        storageMap: new Map([['pbs-prod', { store: 'store1', ns: 'prod' }]]),
        node: 'pve1',
        timeoutMs: 60_000,
        ...extra,
      },
      { url: new URL(pbs.url), fingerprint: null, ca: null },
      false,
    );
    const running = await listen(http.createServer((req, res) => mount(req, res)));
    decks.push({ running, mount });
    return running.url;
  };

  beforeAll(async () => {
    pbs = await listen(
      http.createServer((req, res) => {
        const good = req.headers.cookie === GOOD || req.headers.cookie === OTHER;
        if (req.url === '/api2/json/version' && req.method === 'GET')
          res.writeHead(good ? 200 : 401).end(good ? '{"data":{}}' : 'authentication failed');
        else if (req.url === '/api2/json/version') {
          const ok = good && req.headers.csrfpreventiontoken === 'csrf-good';
          res.writeHead(ok ? 404 : 401).end(ok ? 'not found' : 'authentication failed');
        } else if (req.url?.startsWith('/api2/json/access/permissions')) {
          const path = new URL(req.url, 'http://x').searchParams.get('path') ?? '';
          const privs = path === '/datastore/store1/prod' ? { 'Datastore.Read': true } : {};
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
          const json = (status: number, reason: string, data: unknown) =>
            res
              .writeHead(status, reason, { 'content-type': 'application/json;charset=UTF-8', 'set-cookie': 'x=1' })
              .end(JSON.stringify({ data }));
          if (req.url === '/api2/json/access/ticket') {
            const form = new URLSearchParams(body);
            if (form.get('username') === 'pve-restore@pve' && form.get('password') === 'demo')
              return json(200, 'OK', {
                username: 'pve-restore@pve',
                ticket: PVE_TICKET,
                CSRFPreventionToken: 'pve-csrf',
                cap: {},
              });
            return json(401, 'authentication failure', null);
          }
          if (req.url === '/api2/json/never') return;
          if (body.includes('vmid=666')) return json(403, 'Permission check failed (/vms/666, VM.Allocate)', null);
          json(200, 'OK', req.method === 'POST' ? 'UPID:pve1:0001E240:0ABCDEF0:65A1B2C3:qmrestore:106:x@pve:' : []);
        });
      }),
    );
  });
  afterAll(async () => {
    for (const d of decks) {
      d.mount.close();
      await d.running.close();
    }
    await Promise.all([pve.close(), pbs.close()]);
  });
  beforeEach(() => {
    toPve.length = 0;
  });

  const write = (url: string, path: string, body: string, headers: Record<string, string> = {}) =>
    request(url, {
      method: 'POST',
      path,
      headers: {
        cookie: GOOD,
        csrfpreventiontoken: 'csrf-good',
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
        ...headers,
      },
      body,
    });

  it('user mode: no PVE inventory without a PVE login, then the user’s own ticket upstream, never in the browser', async () => {
    const url = await start({});
    const before = await request(url, { path: `${P}/cluster/resources?type=vm`, headers: { cookie: GOOD } });
    expect(before.status).toBe(401);
    expect(before.headers['x-deck-pve-login']).toBe('required');
    expect(JSON.parse(before.text)).toEqual({ data: null, message: 'log in to Proxmox VE first\n' });
    expect(toPve).toHaveLength(0);

    const wrong = await write(url, `${P}/access/ticket`, 'username=pve-restore%40pve&password=nope');
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text)).toEqual({ data: null, message: 'authentication failure\n' });

    const login = await write(url, `${P}/access/ticket`, 'username=pve-restore%40pve&password=demo');
    expect(login.status).toBe(200);
    expect(JSON.parse(login.text)).toEqual({ data: { username: 'pve-restore@pve', cap: {} } });
    expect(login.text).not.toContain(PVE_TICKET);
    expect(login.text).not.toContain('pve-csrf');
    const cookie = String(login.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/^PVEDeckSession=[0-9a-f]{64}; Path=\/pve-api\/; HttpOnly; SameSite=Strict$/);
    const session = cookie.split(';')[0]!;

    toPve.length = 0;
    const read = await request(url, {
      path: `${P}/cluster/resources?type=vm`,
      headers: { cookie: `${GOOD}; ${session}`, authorization: 'Bearer evil' },
    });
    expect(read.status).toBe(200);
    expect(read.headers['set-cookie']).toBeUndefined();
    expect(toPve[0]).toMatchObject({ url: '/api2/json/cluster/resources?type=vm' });
    // the user's ticket, in the header PVE falls back to, in place of the browser's own Authorization
    expect(toPve[0]!.headers.authorization).toBe(`PVEAuthCookie=${encodeURIComponent(PVE_TICKET)}`);
    expect(toPve[0]!.headers.cookie).toBeUndefined();

    const refused = await write(url, `${P}/nodes/pve1/qemu`, `vmid=666&archive=${encodeURIComponent(volid)}`, {
      cookie: `${GOOD}; ${session}`,
    });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toEqual({
      data: null,
      message: 'Permission check failed (/vms/666, VM.Allocate)\n',
    });
    expect(toPve.at(-1)!.headers.csrfpreventiontoken).toBe('pve-csrf');

    toPve.length = 0;
    const crossSite = await write(url, `${P}/nodes/pve1/qemu`, `vmid=106&archive=${encodeURIComponent(volid)}`, {
      cookie: `${GOOD}; ${session}`,
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    const forged = await write(url, `${P}/nodes/pve1/qemu`, `vmid=106&archive=${encodeURIComponent(volid)}`, {
      cookie: `${GOOD}; ${session}`,
      csrfpreventiontoken: 'forged',
    });
    expect(forged.status).toBe(401);
    expect(toPve).toHaveLength(0);

    const logout = await request(url, {
      method: 'DELETE',
      path: `${P}/access/ticket`,
      headers: { cookie: `${GOOD}; ${session}`, csrfpreventiontoken: 'csrf-good', 'sec-fetch-site': 'same-origin' },
    });
    expect(logout.status).toBe(200);
    expect(String(logout.headers['set-cookie']?.[0])).toContain('Max-Age=0');
    expect((await request(url, { path: `${P}/nodes`, headers: { cookie: `${GOOD}; ${session}` } })).status).toBe(401);
    const again = String(
      (await write(url, `${P}/access/ticket`, 'username=pve-restore%40pve&password=demo')).headers['set-cookie']?.[0],
    ).split(';')[0]!;
    expect((await request(url, { path: `${P}/nodes`, headers: { cookie: `${OTHER}; ${again}` } })).status).toBe(401);
    expect((await request(url, { path: `${P}/nodes`, headers: { cookie: `${GOOD}; ${again}` } })).status).toBe(401);
  });

  it('token mode: the token for listed PBS users only, and no overwrite unless allowed, before PVE hears of it', async () => {
    const url = await start({
      mode: 'token',
      token: {
        value: TOKEN,
        rules: {
          tokenId: 'deck@pve!restore',
          users: ['kiosk@pbs'],
          allowOverwrite: false,
          allowStart: false,
          targetStorages: ['local-lvm'],
          pools: [],
        },
      },
    });
    const unlisted = await request(url, { path: `${P}/nodes`, headers: { cookie: OTHER } });
    expect(unlisted.status).toBe(403);
    expect(unlisted.text).toContain('PVE_TOKEN_USERS');
    const overwrite = await write(
      url,
      `${P}/nodes/pve1/qemu`,
      `vmid=100&force=1&storage=local-lvm&archive=${encodeURIComponent(volid)}`,
    );
    expect(overwrite.status).toBe(403);
    expect(overwrite.text).toContain('PVE_ALLOW_OVERWRITE');
    expect(toPve).toHaveLength(0);
    const ok = await write(
      url,
      `${P}/nodes/pve1/qemu`,
      `vmid=106&storage=local-lvm&archive=${encodeURIComponent(volid)}`,
    );
    expect(ok.status).toBe(200);
    expect(toPve[0]!.headers.authorization).toBe(`PVEAPIToken=${TOKEN}`);
    const session = await request(url, { path: '/pve-api/deck/session', headers: { cookie: OTHER } });
    expect(JSON.parse(session.text).data).toMatchObject({
      mode: 'token',
      username: 'deck@pve!restore',
      allowed: false,
    });
  });
});
