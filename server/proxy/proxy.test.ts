// @vitest-environment node
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listen, request, startDeck, type Running } from '../test-utils.ts';

interface Seen {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

// A plain-http stand-in for PBS on loopback that records what arrives and answers like PBS does
// (plain-text error bodies under a JSON content type).
describe('proxy to PBS_URL', () => {
  const seen: Seen[] = [];
  let upstreamClosed: Promise<void> = Promise.resolve();
  let pbs: Running;
  let deck: Running;

  beforeAll(async () => {
    pbs = await listen(
      http.createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          seen.push({ method: req.method, url: req.url, headers: req.headers, body });
          if (req.url?.startsWith('/api2/json/nodes/localhost/tasks/follow')) {
            res.writeHead(200, { 'content-type': 'application/json' });
            upstreamClosed = new Promise((resolve) => res.on('close', () => resolve()));
            const timer = setInterval(() => res.write('{"n":1,"t":"line"}\n'), 10);
            res.on('close', () => clearInterval(timer));
            return;
          }
          res.writeHead(400, 'Bad Request', {
            'content-type': 'application/json;charset=UTF-8',
            'set-cookie': ['a=1; Path=/; Expires=Wed, 01 Jan 2031 00:00:00 GMT', 'b=2; Path=/'],
            date: 'Tue, 01 Dec 2026 10:00:00 GMT',
            connection: 'keep-alive, x-private',
            'x-private': 'hop',
          });
          res.end("no such datastore 'nope'");
        });
      }),
    );
    deck = await startDeck({ PBS_URL: pbs.url });
  });
  afterAll(async () => {
    await deck.close();
    await pbs.close();
  });
  beforeEach(() => {
    seen.length = 0;
  });

  it('forwards method, path, query, body, the ticket cookie and the CSRF token', async () => {
    const res = await request(`${deck.url}/api2/json/admin/datastore/nope/gc?ns=a%2Fb&_dc=1`, {
      method: 'POST',
      headers: {
        cookie: 'theme=dark; PBSAuthCookie=PBS%3Aroot%40pam%3A66601A2B%3A%3Asig; other=x',
        csrfpreventiontoken: '66601A2B:token',
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        origin: 'http://deck.example',
        'accept-encoding': 'deflate',
      },
      body: 'delete=comment&delete=gc-schedule',
    });
    expect(seen).toHaveLength(1);
    const got = seen[0]!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/api2/json/admin/datastore/nope/gc?ns=a%2Fb&_dc=1');
    expect(got.body).toBe('delete=comment&delete=gc-schedule');
    expect(got.headers.cookie).toBe('PBSAuthCookie=PBS%3Aroot%40pam%3A66601A2B%3A%3Asig');
    expect(got.headers.csrfpreventiontoken).toBe('66601A2B:token');
    expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(got.headers.origin).toBeUndefined();
    expect(got.headers['accept-encoding']).toBeUndefined();

    expect(res.status).toBe(400);
    expect(res.text).toBe("no such datastore 'nope'");
    expect(res.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(res.headers['set-cookie']).toEqual(['a=1; Path=/; Expires=Wed, 01 Jan 2031 00:00:00 GMT', 'b=2; Path=/']);
    expect(res.headers.date).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
    expect(res.headers['x-private']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('forwards an API token header without any cookie', async () => {
    await request(`${deck.url}/api2/json/status/datastore-usage`, {
      headers: { authorization: 'PBSAPIToken=audit@pbs!dashboard:secret', cookie: 'theme=dark' },
    });
    expect(seen[0]!.headers.authorization).toBe('PBSAPIToken=audit@pbs!dashboard:secret');
    expect(seen[0]!.headers.cookie).toBeUndefined();
  });

  it('stops the PBS request when the browser goes away', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${deck.url}/api2/json/nodes/localhost/tasks/follow`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    });
    await upstreamClosed;
    expect(seen).toHaveLength(1);
  });

  it('answers /deck/config and /healthz without asking PBS', async () => {
    const config = await request(`${deck.url}/deck/config`);
    expect(JSON.parse(config.text)).toEqual({
      backend: 'pbs',
      demoLogins: [],
      embed: { enabled: true, auth: 'login', secure: false, messageOrigins: [] },
      pve: null,
      pbs: { host: '127.0.0.1', port: Number(new URL(pbs.url).port), fingerprint: null },
    });
    const health = await request(`${deck.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.text).toBe('ok');
    expect(seen).toHaveLength(0);
  });

  it('answers 502 with a plain-text reason when PBS cannot be reached', async () => {
    const gone = await startDeck({ PBS_URL: 'http://127.0.0.1:9' });
    try {
      const res = await request(`${gone.url}/api2/json/version`);
      expect(res.status).toBe(502);
      expect(res.text).toMatch(/^cannot reach PBS at 127\.0\.0\.1:9: /);
    } finally {
      await gone.close();
    }
  });
});

// PBS closing a kept-alive connection just as the deck reuses it: here the stand-in drops every
// connection on its second request, so each reuse fails the way a racing idle close does.
describe('proxy on a connection PBS has just closed', () => {
  let pbs: Running;
  let deck: Running;
  let served = 0;

  beforeAll(async () => {
    const perSocket = new WeakMap<object, number>();
    pbs = await listen(
      http.createServer((req, res) => {
        const n = (perSocket.get(req.socket) ?? 0) + 1;
        perSocket.set(req.socket, n);
        if (n > 1) {
          req.socket.destroy();
          return;
        }
        served += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":null}');
      }),
    );
    deck = await startDeck({ PBS_URL: pbs.url });
  });
  afterAll(async () => {
    await deck.close();
    await pbs.close();
  });

  it('sends a read again on a fresh connection', async () => {
    expect((await request(`${deck.url}/api2/json/version`)).status).toBe(200);
    expect((await request(`${deck.url}/api2/json/version`)).status).toBe(200);
    expect(served).toBe(2);
  });

  it('does not repeat a write', async () => {
    served = 0;
    expect((await request(`${deck.url}/api2/json/version`)).status).toBe(200);
    const write = await request(`${deck.url}/api2/json/admin/datastore/store1/gc`, { method: 'POST', body: '' });
    expect(write.status).toBe(502);
    expect(served).toBe(1);
  });
});
