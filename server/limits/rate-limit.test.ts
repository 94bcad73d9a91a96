// @vitest-environment node
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ipv6Prefix64, lastForwardedHop } from './client-address.ts';
import { createRateLimiter } from './rate-limit.ts';
import { listen, request, startDeck, type Running } from '../test-utils.ts';

const TOKEN = 'audit@pbs!dashboard:0b1c2d3e-secret-4f5a';
const TASKS = '/embed-api/api2/json/nodes/localhost/tasks?limit=50';

/** A stand-in PBS that answers every read at once and counts them. */
async function quickPbs() {
  const seen: string[] = [];
  const pbs = await listen(
    http.createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url?.endsWith('/time') ? '{"data":{"time":1796209200}}' : '{"data":[]}');
    }),
  );
  return { pbs, seen };
}

describe('the rate limit on /embed-api/ and /badge/', () => {
  const running: Running[] = [];
  let t = 0;
  const start = async (env: Record<string, string> = {}) => {
    const { pbs, seen } = await quickPbs();
    const deck = await startDeck({ PBS_URL: pbs.url, EMBED_TOKEN: TOKEN, ...env }, undefined, { now: () => t });
    running.push(deck, pbs);
    return { deck, seen };
  };
  afterEach(async () => {
    t = 0;
    await Promise.all(running.splice(0).map((r) => r.close()));
  });

  it('lets a burst of 30 through, then answers 429 with Retry-After and never asks PBS', async () => {
    const { deck, seen } = await start();
    for (let i = 0; i < 30; i++) expect((await request(`${deck.url}${TASKS}`)).status).toBe(200);
    expect(seen).toHaveLength(30);

    const refused = await request(`${deck.url}${TASKS}`);
    expect(refused.status).toBe(429);
    // 120 a minute is one every 0.5 s: the next one is due within a second.
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['content-type']).toContain('text/plain');
    expect(refused.text).toBe(
      'too many requests: this deck answers 120 requests a minute per client here (bursts of 30); try again in 1 s',
    );
    // Badges draw on the same budget.
    expect((await request(`${deck.url}/badge/overview.svg`)).status).toBe(429);
    expect(seen).toHaveLength(30);

    // Half a second later one request is due, and only one.
    t += 500;
    expect((await request(`${deck.url}${TASKS}`)).status).toBe(200);
    expect((await request(`${deck.url}${TASKS}`)).status).toBe(429);
    // After 15 s the bucket is full again.
    t += 15_000;
    for (let i = 0; i < 30; i++) expect((await request(`${deck.url}/badge/overview.svg`)).status).not.toBe(429);
    expect((await request(`${deck.url}/badge/overview.svg`)).status).toBe(429);
    // The console's own /api2/ and the deck's config are not limited.
    expect((await request(`${deck.url}/deck/config`)).status).toBe(200);
  });

  it('takes RATE_LIMIT as requests a minute and burst, and says when to come back', async () => {
    const { deck } = await start({ RATE_LIMIT: '6/2' });
    expect((await request(`${deck.url}${TASKS}`)).status).toBe(200);
    expect((await request(`${deck.url}${TASKS}`)).status).toBe(200);
    const refused = await request(`${deck.url}${TASKS}`);
    expect(refused.status).toBe(429);
    // 6 a minute: one every 10 s.
    expect(refused.headers['retry-after']).toBe('10');
    t += 9_000;
    expect((await request(`${deck.url}${TASKS}`)).headers['retry-after']).toBe('1');
  });

  it('ignores X-Forwarded-For from a peer not listed in TRUST_PROXY', async () => {
    const { deck } = await start({ RATE_LIMIT: '60/2' });
    const from = (hop: string) => request(`${deck.url}${TASKS}`, { headers: { 'x-forwarded-for': hop } });
    expect((await from('198.51.100.1')).status).toBe(200);
    expect((await from('198.51.100.2')).status).toBe(200);
    expect((await from('198.51.100.3')).status).toBe(429);
  });

  it('counts the last X-Forwarded-For hop as the client when the peer is a trusted proxy', async () => {
    const { deck } = await start({ RATE_LIMIT: '60/2', TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' });
    const from = (hops: string) => request(`${deck.url}${TASKS}`, { headers: { 'x-forwarded-for': hops } });
    expect((await from('198.51.100.7')).status).toBe(200);
    // What the client wrote before the proxy's own hop changes nothing.
    expect((await from('203.0.113.1, 198.51.100.7')).status).toBe(200);
    expect((await from('203.0.113.2, 198.51.100.7')).status).toBe(429);
    expect((await from('198.51.100.8')).status).toBe(200);
    // One IPv6 host holds a /64: its addresses share one budget.
    expect((await from('2001:db8:0:1::a')).status).toBe(200);
    expect((await from('2001:db8:0:1::b')).status).toBe(200);
    expect((await from('2001:db8:0:1:ffff::c')).status).toBe(429);
    expect((await from('2001:db8:0:2::a')).status).toBe(200);
  });
});

describe('the token buckets', () => {
  it('forget a client whose bucket has refilled, and never hold more than their maximum', () => {
    let t = 0;
    const limiter = createRateLimiter({ perMinute: 120, burst: 30 }, () => t, 3);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('b')).toBe(0);
    expect(limiter.size()).toBe(2);
    // 30 tokens at 2 a second: a bucket is full again 15 s after its last use.
    t = 15_000;
    expect(limiter.take('c')).toBe(0);
    expect(limiter.size()).toBe(1);
    for (const client of ['d', 'e', 'f', 'g']) limiter.take(client);
    expect(limiter.size()).toBe(3);
  });

  it('keep a limited client limited while others come and go', () => {
    let t = 0;
    const limiter = createRateLimiter({ perMinute: 60, burst: 1 }, () => t);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
    t = 400;
    for (let i = 0; i < 100; i++) limiter.take(`other-${i}`);
    expect(limiter.take('a')).toBe(1);
    t = 1_000;
    expect(limiter.take('a')).toBe(0);
  });
});

describe('client addresses', () => {
  it.each([
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:DB8:0:1:2:3:4:5', '2001:db8:0:1::/64'],
    ['fe80::', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['2001:db8:1:2::ffff:192.0.2.1', '2001:db8:1:2::/64'],
  ])('%s counts as %s', (address, prefix) => {
    expect(ipv6Prefix64(address)).toBe(prefix);
  });

  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['203.0.113.1,  198.51.100.7 ', '198.51.100.7'],
    ['198.51.100.7:5123', '198.51.100.7'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['unknown', null],
    ['', null],
  ])('X-Forwarded-For %j ends with client %s', (header, client) => {
    expect(lastForwardedHop(header)).toBe(client);
  });
});
