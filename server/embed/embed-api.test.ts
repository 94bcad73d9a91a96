// @vitest-environment node
import http from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listen, request, startDeck, type Running } from '../test-utils.ts';

const TOKEN = 'audit@pbs!dashboard:0b1c2d3e-secret-4f5a';
const SECRET = '0b1c2d3e-secret-4f5a';

// A stand-in PBS that counts what reaches it; the deck in front of it holds EMBED_TOKEN.
describe('/embed-api/ in front of PBS_URL', () => {
  const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders }[] = [];
  let pbs: Running;
  let deck: Running;

  beforeAll(async () => {
    pbs = await listen(
      http.createServer((req, res) => {
        seen.push({ method: req.method, url: req.url, headers: req.headers });
        res.writeHead(200, {
          'content-type': 'application/json;charset=UTF-8',
          'set-cookie': 'x=1; Path=/',
          date: 'Tue, 01 Dec 2026 10:00:00 GMT',
        });
        res.end(
          req.url?.includes('/admin/datastore/leaky/') ? `{"data":"${SECRET}"}` : '{"data":[{"store":"store1"}]}',
        );
      }),
    );
    deck = await startDeck({
      PBS_URL: pbs.url,
      EMBED_TOKEN: TOKEN,
      FRAME_ANCESTORS: 'https://dash.example https://*.lan',
    });
  });
  afterAll(async () => {
    await deck.close();
    await pbs.close();
  });
  beforeEach(() => {
    seen.length = 0;
  });

  it('reads an allowlisted path with the server-held token and nothing of the browser', async () => {
    const res = await request(
      `${deck.url}/embed-api/api2/json/nodes/localhost/tasks?errors=1&limit=50&since=1700000000`,
      {
        headers: {
          cookie: 'PBSAuthCookie=PBS%3Aroot%40pam%3Asig; theme=dark',
          authorization: 'PBSAPIToken=root@pam!x:y',
          origin: 'https://dash.example',
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"data":[{"store":"store1"}]}');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.url).toBe('/api2/json/nodes/localhost/tasks?errors=1&limit=50&since=1700000000');
    expect(seen[0]!.headers.authorization).toBe(`PBSAPIToken=${TOKEN}`);
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(seen[0]!.headers.origin).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.date).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
    expect(JSON.stringify(res.headers)).not.toContain(SECRET);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405 and never asks PBS', async (method) => {
    const res = await request(`${deck.url}/embed-api/api2/json/admin/datastore/store1/gc`, {
      method,
      body: method === 'OPTIONS' ? undefined : 'x=1',
    });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.text).toContain('read-only');
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['/embed-api/api2/json/access/users', 403],
    ['/embed-api/api2/json/access/ticket', 403],
    ['/embed-api/api2/json/admin/datastore/store1/snapshots', 403],
    ['/embed-api/api2/json/admin/datastore/store1/download?file-name=index.json.blob', 403],
    ['/embed-api/api2/json/nodes/localhost/tasks/UPID:x/log', 403],
    ['/embed-api/api2/json/admin/datastore/store1/../../../access/users', 400],
    ['/embed-api/api2/json/admin/datastore/%2e%2e/status', 400],
    ['/embed-api/api2/json/admin/datastore/a%2Fb/status', 400],
    ['/embed-api/api2/json/admin/datastore/store1%2fstatus', 400],
    ['/embed-api/api2/json/admin//datastore', 400],
    ['/embed-api/api2/json/admin/datastore/store1\\status', 400],
    ['/embed-api/api2/json/version?_dc=1', 400],
    ['/embed-api/api2/json/nodes/localhost/tasks?userfilter=root%40pam', 400],
    ['/embed-api/api2/json/nodes/localhost/tasks?limit=1&limit=2', 400],
    ['/embed-api/api2/json/nodes/localhost/tasks?limit=1%26typefilter', 400],
    ['/embed-api/api2/json/admin/datastore/store1/rrd?timeframe=hour&cf=MIN', 400],
    ['/embed-api/x', 403],
    ['/embed-api/api2/extjs/version', 403],
  ])('refuses GET %s with %i and never asks PBS', async (path, status) => {
    const res = await request(deck.url, { path });
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text.length).toBeGreaterThan(10);
    expect(seen).toHaveLength(0);
  });

  it('never lets an answer carrying the token secret out', async () => {
    const res = await request(`${deck.url}/embed-api/api2/json/admin/datastore/leaky/gc`);
    expect(res.status).toBe(502);
    expect(res.text).not.toContain(SECRET);
  });

  it('tells the embed page which origins it may talk to, and never the secret', async () => {
    const res = await request(`${deck.url}/deck/config`);
    const config = JSON.parse(res.text) as { embed: unknown };
    expect(config.embed).toEqual({
      enabled: true,
      auth: 'token',
      tokenId: 'audit@pbs!dashboard',
      messageOrigins: ['https://dash.example'],
    });
    expect(res.text).not.toContain(SECRET);
  });
});

describe('/embed-api/ without EMBED_TOKEN in front of PBS_URL', () => {
  let hits = 0;
  let pbs: Running;
  let deck: Running;
  beforeAll(async () => {
    pbs = await listen(http.createServer((_req, res) => ((hits += 1), res.end('{}'))));
    deck = await startDeck({ PBS_URL: pbs.url });
  });
  afterAll(async () => {
    await deck.close();
    await pbs.close();
  });

  it('asks for a login (server/embed/embed-session.test.ts), keeps badges off, and asks PBS nothing', async () => {
    const res = await request(`${deck.url}/embed-api/api2/json/version`);
    expect(res.status).toBe(401);
    expect(res.text).toMatch(/^log in:/);
    const badge = await request(`${deck.url}/badge/overview.svg`);
    expect(badge.status).toBe(404);
    expect(hits).toBe(0);
  });
});

describe('framing of the embed entry', () => {
  const dist = mkdtempSync(join(tmpdir(), 'deck-embed-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dist, 'embed.html'), '<!doctype html><title>embed</title>');
  let open: Running;
  let closed: Running;
  beforeAll(async () => {
    // No simulator needed: framing is decided by the deck before any backend.
    open = await startDeck({ PBS_URL: 'http://127.0.0.1:9', FRAME_ANCESTORS: "'self' https://dash.example" }, dist);
    closed = await startDeck({ PBS_URL: 'http://127.0.0.1:9' }, dist);
  }, 60_000);
  afterAll(async () => {
    await open.close();
    await closed.close();
  });

  const html = { accept: 'text/html' };

  it('lets the embed pages be framed by FRAME_ANCESTORS only', async () => {
    for (const path of ['/embed/overview', '/embed/datastore/store1', '/embed/tasks', '/embed.html']) {
      const res = await request(`${open.url}${path}`, { headers: html });
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>embed</title>');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self' https://dash.example;");
      expect(res.headers['x-frame-options']).toBeUndefined();
    }
  });

  it('keeps the console and everything else unframable', async () => {
    for (const path of [
      '/',
      '/datastores/store1',
      '/embed-api/api2/json/version',
      '/badge/overview.svg',
      '/deck/config',
    ]) {
      const res = await request(`${open.url}${path}`, { headers: html });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
    const console = await request(`${open.url}/datastores/store1`, { headers: html });
    expect(console.text).toContain('<title>console</title>');
  });

  it("defaults to frame-ancestors 'none' for the embed pages too", async () => {
    const res = await request(`${closed.url}/embed/overview`, { headers: html });
    expect(res.text).toContain('<title>embed</title>');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
