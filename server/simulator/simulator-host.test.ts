// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startDeck, type Running } from '../test-utils.ts';

// The deck server with no PBS_URL: the built-in simulator answers through the msw handlers.
describe('simulator host', () => {
  let deck: Running;
  beforeAll(async () => {
    deck = await startDeck({ SIM_SEED: '7' });
  }, 120_000);
  afterAll(() => deck?.close());

  it('logs in and answers /api2/json/version with the ticket cookie', async () => {
    const login = await request(`${deck.url}/api2/json/access/ticket`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=root%40pam&password=demo',
    });
    expect(login.status).toBe(200);
    const { data } = JSON.parse(login.text) as {
      data: { username: string; ticket: string; CSRFPreventionToken: string };
    };
    expect(data.username).toBe('root@pam');
    expect(data.ticket).toMatch(/^PBS:root@pam:[0-9A-F]{8}::/);
    expect(data.CSRFPreventionToken).toMatch(/^[0-9A-F]{8}:/);

    const version = await request(`${deck.url}/api2/json/version`, {
      headers: { cookie: `PBSAuthCookie=${encodeURIComponent(data.ticket)}` },
    });
    expect(version.status).toBe(200);
    const body = JSON.parse(version.text) as { data: { version: string; release: string } };
    expect(body.data.version).toMatch(/^\d+\.\d+/);
    expect(Date.parse(String(version.headers.date))).not.toBeNaN();
    expect(version.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('answers /deck/config with the demo logins', async () => {
    const res = await request(`${deck.url}/deck/config`);
    const config = JSON.parse(res.text) as { backend: string; demoLogins: { username: string }[] };
    expect(config).toMatchObject({
      backend: 'simulator',
      embed: { enabled: true, tokenId: 'audit@pbs!dashboard', messageOrigins: [] },
    });
    expect(config.demoLogins.map((l) => l.username)).toEqual(expect.arrayContaining(['root@pam', 'audit@pbs']));
  });

  it('opens /__sim/ to this machine only', async () => {
    const local = await request(`${deck.url}/__sim/info`);
    expect(local.status).toBe(200);
    expect((JSON.parse(local.text) as { seed: number }).seed).toBe(7);
    // A page that rebinds its own name to 127.0.0.1 still sends its own Host.
    const rebound = await request(`${deck.url}/__sim/info`, { headers: { host: 'evil.example' } });
    expect(rebound.status).toBe(404);
    expect(rebound.text).not.toContain('seed');
  });

  it("dates every answer with the simulator's clock", async () => {
    const before = Date.parse(String((await request(`${deck.url}/api2/json/access/domains`)).headers.date));
    const jump = await request(`${deck.url}/__sim/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: 86_400 }),
    });
    expect(jump.status).toBe(200);
    const after = Date.parse(String((await request(`${deck.url}/api2/json/access/domains`)).headers.date));
    expect(after - before).toBeGreaterThanOrEqual(86_400_000);
    expect(after - before).toBeLessThan(86_400_000 + 60_000);
  });

  it('takes fault rules through /__sim/faults: an answer for one path, then a dropped connection, then back', async () => {
    const faults = async (body: unknown) =>
      request(`${deck.url}/__sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const domains = () => request(`${deck.url}/api2/json/access/domains`);
    const set = await faults({
      rules: [
        { path: '/api2/json/access/domains', status: 503, body: 'maintenance', times: 1 },
        { path: '/api2/json/**', drop: true },
      ],
    });
    expect(set.status).toBe(200);
    expect(JSON.parse(set.text)).toMatchObject({ faults: { rules: [{ times: 1 }, { drop: true }] } });
    const answered = await domains();
    expect([answered.status, answered.text]).toEqual([503, 'maintenance']);
    // no answer at all, as from a server that went away; the embed API in front of it says so
    await expect(domains()).rejects.toThrow();
    const embed = await request(`${deck.url}/embed-api/api2/json/status/datastore-usage`);
    expect(embed.status).toBe(502);
    const bad = await faults({ addRules: [{ path: '/api2/json/version', status: 302 }] });
    expect([bad.status, bad.text]).toEqual([400, "'addRules[0].status' must be an integer from 400 to 599"]);
    expect((await faults({ clearRules: true })).status).toBe(200);
    expect((await domains()).status).toBe(200);
  });

  it('answers PBS paths that do not exist as PBS does, after authentication', async () => {
    const res = await request(`${deck.url}/api2/json/no/such/path`, {
      headers: { authorization: `PBSAPIToken=audit@pbs!dashboard:${await tokenSecret(deck)}` },
    });
    expect(res.status).toBe(404);
    expect(res.text).toBe("Path '/api2/json/no/such/path' not found.");
  });
});

async function tokenSecret(deck: Running): Promise<string> {
  const info = JSON.parse((await request(`${deck.url}/__sim/info`)).text) as { token: { secret: string } };
  return info.token.secret;
}
