// @vitest-environment node
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, request, startDeck, type Running } from '../test-utils.ts';

const TOKEN = 'audit@pbs!dashboard:0b1c2d3e-secret-4f5a';
// Short on purpose: each test waits for a timeout to fire, never for a fixed time.
const TIMEOUT_S = '0.2';

/**
 * A stand-in PBS that accepts every connection and reads every request, then answers as `mode`
 * says: never, or headers and a first chunk and then nothing.
 */
async function stallingPbs() {
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    req.resume();
    if (req.url?.includes('half')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[');
    }
  });
  const running = await listen(server);
  return { ...running, host: new URL(running.url).host, open };
}

describe('a PBS that accepts connections and never answers', () => {
  let pbs: Awaited<ReturnType<typeof stallingPbs>>;
  let deck: Running;
  let login: Running;

  beforeAll(async () => {
    pbs = await stallingPbs();
    deck = await startDeck({ PBS_URL: pbs.url, EMBED_TOKEN: TOKEN, PBS_TIMEOUT_S: TIMEOUT_S });
    login = await startDeck({ PBS_URL: pbs.url, PBS_TIMEOUT_S: TIMEOUT_S });
  });
  afterAll(async () => {
    await Promise.all([deck.close(), login.close()]);
    await pbs.close();
  });

  it('gives the console 504 with a message naming the server, and lets go of the call', async () => {
    const res = await request(`${deck.url}/api2/json/admin/datastore`, {
      headers: { cookie: 'PBSAuthCookie=PBS%3Aroot%40pam%3A66601A2B%3A%3Asig' },
    });
    expect(res.status).toBe(504);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toBe(`PBS at ${pbs.host} did not answer within 0.2 s`);
    await expect.poll(() => pbs.open.size).toBe(0);
  });

  it('gives the embed views and the badges the same message', async () => {
    const embed = await request(`${deck.url}/embed-api/api2/json/status/datastore-usage`);
    expect(embed.status).toBe(504);
    expect(embed.text).toBe(`PBS at ${pbs.host} did not answer within 0.2 s`);

    const badge = await request(`${deck.url}/badge/overview.svg`);
    expect(badge.status).toBe(504);
    expect(badge.headers['content-type']).toContain('image/svg+xml');
    expect(badge.text).toContain(`<title>cannot read PBS: PBS at ${pbs.host} did not answer within 0.2 s</title>`);
  });

  it('gives the in-frame login the same message', async () => {
    const res = await request(`${login.url}/embed-api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: 'audit@pbs', password: 'right' }),
    });
    expect(res.status).toBe(504);
    expect(res.text).toBe(`PBS at ${pbs.host} did not answer within 0.2 s`);
  });

  it('stops an answer that stalls halfway: the embed API says so, the console connection is cut', async () => {
    // A datastore named 'half' makes the stand-in stop halfway through its answer.
    const embed = await request(`${deck.url}/embed-api/api2/json/admin/datastore/half/status`);
    expect(embed.status).toBe(504);
    expect(embed.text).toBe(`PBS at ${pbs.host} stopped sending its answer: nothing came for 0.2 s`);

    // Through the proxy the headers have gone out already: the browser sees the answer broken off.
    await expect(request(`${deck.url}/api2/json/admin/datastore/half/status`)).rejects.toThrow();
    await expect.poll(() => pbs.open.size).toBe(0);
  });
});

describe('a PBS whose TLS handshake never completes', () => {
  let silent: net.Server;
  const sockets = new Set<net.Socket>();
  let deck: Running;

  beforeAll(async () => {
    silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    deck = await startDeck({
      PBS_URL: `https://127.0.0.1:${port}`,
      PBS_FINGERPRINT: 'AB'.repeat(32),
      PBS_TIMEOUT_S: TIMEOUT_S,
    });
  });
  afterAll(async () => {
    await deck.close();
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('answers 504 saying the server did not accept a connection', async () => {
    const { port } = silent.address() as net.AddressInfo;
    const res = await request(`${deck.url}/api2/json/version`);
    expect(res.status).toBe(504);
    expect(res.text).toBe(`PBS at 127.0.0.1:${port} did not accept a connection within 0.2 s`);
  });
});

describe('a browser that reads a long answer slowly', () => {
  const SIZE = 48 * 1024 * 1024;
  let blocked = false;
  let pbs: Running;
  let deck: Running;

  beforeAll(async () => {
    pbs = await listen(
      http.createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(SIZE) });
        const chunk = Buffer.alloc(64 * 1024, 7);
        let sent = 0;
        const more = () => {
          while (sent < SIZE) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              blocked = true;
              res.once('drain', more);
              return;
            }
          }
          res.end();
        };
        more();
      }),
    );
    deck = await startDeck({ PBS_URL: pbs.url, PBS_TIMEOUT_S: TIMEOUT_S });
  });
  afterAll(async () => {
    await deck.close();
    await pbs.close();
  });

  it('is not cut off: the silence is its own back-pressure, not PBS stalling', async () => {
    const url = new URL(`${deck.url}/api2/json/nodes/localhost/tasks/x/download`);
    const received = await new Promise<number>((resolve, reject) => {
      const req = http.get({ hostname: url.hostname, port: url.port, path: url.pathname, agent: false }, (res) => {
        res.pause();
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve(bytes));
        res.on('error', reject);
        // Once every buffer between PBS and this reader is full, stay away for several idle periods.
        const resumeLater = () => (blocked ? setTimeout(() => res.resume(), 1_000) : setTimeout(resumeLater, 10));
        resumeLater();
      });
      req.on('error', reject);
    });
    expect(received).toBe(SIZE);
  });
});
