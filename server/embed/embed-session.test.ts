// @vitest-environment node
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listen, request, selfSignedCert, startDeck, type RawResponse, type Running } from '../test-utils.ts';

// A stand-in PBS that issues tickets and answers reads only with one it issued; a deck in front of it
// without EMBED_TOKEN, over TLS (the login needs it), and one without TLS.
const hex = (s: number) => s.toString(16).toUpperCase().padStart(8, '0');
const now = () => Math.floor(Date.now() / 1000);
const ticketFor = (user: string, issued = now()) =>
  `PBS:${encodeURIComponent(user)}:${hex(issued)}::sig${Math.random().toString(36).slice(2)}`;
const TFA = `PBS:!tfa!${encodeURIComponent(JSON.stringify({ totp: true, recovery: [0, 1] }))}:${hex(now())}::tfasig`;
const ATTRS = 'Path=/embed-api/; HttpOnly; Secure; SameSite=None; Partitioned';

describe('/embed-api/ with the in-frame login (no EMBED_TOKEN)', () => {
  const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const issued = new Set<string>();
  let pbs: Running;
  let deck: Running;
  let plain: Running;
  const { cert, certPath, keyPath } = selfSignedCert('deck-test');

  const issue = (res: http.ServerResponse, user: string, ticket = ticketFor(user)) => {
    issued.add(ticket);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { username: user, ticket, CSRFPreventionToken: 'CSRF-SECRET' } }));
  };
  const refuse = (res: http.ServerResponse, text: string) =>
    res.writeHead(401, { 'content-type': 'text/plain' }).end(text);

  beforeAll(async () => {
    pbs = await listen(
      http.createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          seen.push({ method: req.method, url: req.url, headers: req.headers, body });
          const form = new URLSearchParams(body);
          const [user, password] = [form.get('username') ?? '', form.get('password') ?? ''];
          if (req.url === '/api2/json/access/ticket') {
            if (form.get('tfa-challenge') === TFA)
              return password === 'totp:123456' ? issue(res, user) : refuse(res, 'permission check failed.');
            if (issued.has(password)) return issue(res, user);
            if (user === 'audit@pbs' && password === 'right') return issue(res, user);
            if (user === 'old@pbs' && password === 'right') return issue(res, user, ticketFor(user, now() - 4000));
            if (user === 'totp@pbs' && password === 'right') return issue(res, user, TFA);
            return refuse(res, 'authentication failed - invalid credentials');
          }
          const ticket = decodeURIComponent(/PBSAuthCookie=([^;]*)/.exec(req.headers.cookie ?? '')?.[1] ?? '');
          if (!issued.has(ticket)) return refuse(res, 'authentication failed - invalid ticket');
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[{"store":"store1"}]}');
        });
      }),
    );
    deck = await startDeck({ PBS_URL: pbs.url, TLS_CERT: certPath, TLS_KEY: keyPath });
    plain = await startDeck({ PBS_URL: pbs.url });
  });
  afterAll(async () => {
    await deck.close();
    await plain.close();
    await pbs.close();
  });
  beforeEach(() => {
    seen.length = 0;
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}, on = deck) =>
    request(`${on.url}${path}`, {
      method: 'POST',
      ca: cert,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const get = (path: string, cookie?: string) =>
    request(`${deck.url}/embed-api/api2/json${path}`, { ca: cert, headers: cookie ? { cookie } : {} });
  const setCookies = (res: RawResponse) => res.headers['set-cookie'] ?? [];
  const sessionOf = (res: RawResponse) =>
    setCookies(res)
      .find((c) => c.startsWith('PBSDeckEmbed='))
      ?.split(';')[0] ?? '';
  const logIn = async (username = 'audit@pbs') =>
    sessionOf(await post('/embed-api/login', { username, password: 'right' }));

  it('logs in with PBS and keeps the ticket in a Secure, SameSite=None, Partitioned, HttpOnly cookie only', async () => {
    const res = await post(
      '/embed-api/login',
      { username: 'audit@pbs', password: 'right' },
      { origin: deck.url, 'sec-fetch-site': 'same-origin' },
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ username: 'audit@pbs' });
    const ticket = [...issued].at(-1)!;
    expect(setCookies(res)).toEqual([
      `PBSDeckEmbed=${encodeURIComponent(ticket)}; ${ATTRS}; Max-Age=7200`,
      `PBSDeckEmbedTfa=; ${ATTRS}; Max-Age=0`,
    ]);
    expect(res.text).not.toContain(ticket);
    expect(res.text).not.toContain('CSRF-SECRET');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({
      username: 'audit@pbs',
      password: 'right',
    });
  });

  it("passes PBS's refusal on as PBS words it, and sets no cookie", async () => {
    const res = await post('/embed-api/login', { username: 'audit@pbs', password: 'wrong' });
    expect(res.status).toBe(401);
    expect(res.text).toBe('authentication failed - invalid credentials');
    expect(setCookies(res)).toEqual([]);
  });

  it('refuses a login without TLS before any password reaches PBS, unless a proxy says https', async () => {
    const res = await post('/embed-api/login', { username: 'audit@pbs', password: 'right' }, {}, plain);
    expect(res.status).toBe(403);
    expect(res.text).toMatch(/^in-frame login needs HTTPS: .*Secure.*TLS_CERT and TLS_KEY.*X-Forwarded-Proto/);
    expect(seen).toHaveLength(0);
    const config = JSON.parse((await request(`${plain.url}/deck/config`)).text) as { embed: unknown };
    expect(config.embed).toEqual({ enabled: true, auth: 'login', secure: false, messageOrigins: [] });
    const proxied = await post(
      '/embed-api/login',
      { username: 'audit@pbs', password: 'right' },
      { 'x-forwarded-proto': 'https' },
      plain,
    );
    expect(proxied.status).toBe(200);
    const viaProxy = JSON.parse(
      (await request(`${plain.url}/deck/config`, { headers: { 'x-forwarded-proto': 'https' } })).text,
    ) as { embed: unknown };
    expect(viaProxy.embed).toEqual({ enabled: true, auth: 'login', secure: true, messageOrigins: [] });
  });

  it.each([
    [{ 'content-type': 'application/x-www-form-urlencoded' }, 415],
    [{ 'content-type': 'text/plain' }, 415],
    [{ 'sec-fetch-site': 'cross-site' }, 403],
    [{ origin: 'https://evil.example' }, 403],
  ])('refuses a login that is not the deck page asking (%o → %i), and PBS sees nothing', async (headers, status) => {
    const res = await post('/embed-api/login', { username: 'audit@pbs', password: 'right' }, headers);
    expect(res.status).toBe(status);
    expect(setCookies(res)).toEqual([]);
    expect(seen).toHaveLength(0);
  });

  it('reads PBS with the ticket from the cookie and nothing else of the browser', async () => {
    const cookie = await logIn();
    seen.length = 0;
    const res = await request(`${deck.url}/embed-api/api2/json/status/datastore-usage`, {
      ca: cert,
      headers: {
        cookie: `${cookie}; PBSAuthCookie=other; theme=dark`,
        origin: 'https://dash.example',
        authorization: 'PBSAPIToken=x@pbs!y:z',
      },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"data":[{"store":"store1"}]}');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.headers.cookie).toBe(`PBSAuthCookie=${cookie.slice('PBSDeckEmbed='.length)}`);
    expect(seen[0]!.headers.origin).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(setCookies(res)).toEqual([]);
  });

  it('asks for a login without the cookie, and drops a cookie PBS no longer accepts', async () => {
    const none = await get('/version');
    expect(none.status).toBe(401);
    expect(none.text).toMatch(/^log in: /);
    expect(seen).toHaveLength(0);
    const stale = await get('/version', `PBSDeckEmbed=${encodeURIComponent(ticketFor('audit@pbs'))}`);
    expect(stale.status).toBe(401);
    expect(stale.text).toBe('log in: PBS no longer accepts this login (authentication failed - invalid ticket)');
    expect(setCookies(stale)).toEqual([`PBSDeckEmbed=; ${ATTRS}; Max-Age=0`]);
  });

  it('still refuses writes and anything off the list, without asking PBS', async () => {
    const cookie = await logIn();
    seen.length = 0;
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await request(`${deck.url}/embed-api/api2/json/admin/datastore/store1/gc`, {
        method,
        ca: cert,
        headers: { cookie },
      });
      expect(res.status).toBe(405);
    }
    expect((await get('/access/users', cookie)).status).toBe(403);
    expect((await get('/access/ticket', cookie)).status).toBe(403);
    expect((await get('/admin/datastore/store1/snapshots', cookie)).status).toBe(403);
    expect((await get('/nodes/localhost/tasks?userfilter=root%40pam', cookie)).status).toBe(400);
    expect((await request(`${deck.url}/embed-api/login`, { ca: cert, headers: { cookie } })).status).toBe(405);
    expect(seen).toHaveLength(0);
  });

  it('renews a ticket older than an hour and hands the browser the new one', async () => {
    const cookie = await logIn('old@pbs');
    const old = decodeURIComponent(cookie.slice('PBSDeckEmbed='.length));
    seen.length = 0;
    const res = await get('/version', cookie);
    expect(res.status).toBe(200);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api2/json/access/ticket',
      'GET /api2/json/version',
    ]);
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({ username: 'old@pbs', password: old });
    const renewed = sessionOf(res);
    expect(renewed).toMatch(/^PBSDeckEmbed=PBS/);
    expect(renewed).not.toBe(cookie);
    expect(seen[1]!.headers.cookie).toBe(`PBSAuthCookie=${renewed.slice('PBSDeckEmbed='.length)}`);
    expect(setCookies(res)[0]).toMatch(new RegExp(`; ${ATTRS}; Max-Age=7200$`));
  });

  it('asks for the second factor, keeping the challenge in a cookie, and completes with a TOTP code', async () => {
    const first = await post('/embed-api/login', { username: 'totp@pbs', password: 'right' });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toEqual({ tfa: ['totp', 'recovery'] });
    expect(first.text).not.toContain('PBS:');
    const pending = setCookies(first)[0]!;
    expect(pending).toMatch(new RegExp(`^PBSDeckEmbedTfa=[^;]+; ${ATTRS}; Max-Age=300$`));
    const wrong = await post('/embed-api/login', { tfa: 'totp:000000' }, { cookie: pending.split(';')[0]! });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toBe('permission check failed.');
    const second = await post('/embed-api/login', { tfa: 'totp:123456' }, { cookie: pending.split(';')[0]! });
    expect(second.status).toBe(200);
    expect(JSON.parse(second.text)).toEqual({ username: 'totp@pbs' });
    expect(Object.fromEntries(new URLSearchParams(seen.at(-1)!.body))).toEqual({
      username: 'totp@pbs',
      'tfa-challenge': TFA,
      password: 'totp:123456',
    });
    expect(sessionOf(second)).toMatch(/^PBSDeckEmbed=PBS/);
    const expired = await post('/embed-api/login', { tfa: 'totp:123456' });
    expect(expired.status).toBe(401);
    expect(expired.text).toContain('log in again');
  });

  it('logs out by clearing the cookies, without asking PBS', async () => {
    const res = await post('/embed-api/logout', {}, { cookie: await logIn() });
    expect(res.status).toBe(200);
    expect(setCookies(res)).toEqual([`PBSDeckEmbed=; ${ATTRS}; Max-Age=0`, `PBSDeckEmbedTfa=; ${ATTRS}; Max-Age=0`]);
    expect(seen.filter((s) => s.url !== '/api2/json/access/ticket')).toHaveLength(0);
  });
});
