import { createTestServer } from '../node';
import { DEMO_RECOVERY_KEYS, DEMO_TOKEN_ID, DEMO_TOTP_SECRET } from '../sim/auth/demo-users';
import { base32Decode, totpAt } from '../sim/auth/totp';
import { call, login } from './test-client';

let nowMs = Date.now();
const t = createTestServer({ realNow: () => nowMs });

beforeAll(() => t.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  nowMs = Date.now();
  t.sim.settings.ticketLifetime = 7200;
});
afterAll(() => t.server.close());

describe('login and sessions', () => {
  it('answers a wrong password with 401 "permission check failed."', async () => {
    const r = await call('POST', '/access/ticket', { form: { username: 'root@pam', password: 'nope' } });
    expect(r.status).toBe(401);
    expect(r.text).toBe('permission check failed.');
    expect(r.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  });

  it('logs in with a PBS ticket and CSRF token, and renews with the ticket as password', async () => {
    const r = await call('POST', '/access/ticket', { form: { username: 'root@pam', password: 'demo' } });
    expect(r.status).toBe(200);
    const d = r.json!.data as Record<string, string>;
    expect(d.username).toBe('root@pam');
    expect(d.ticket).toMatch(/^PBS:root@pam:[0-9A-F]{8}::\S+$/);
    expect(d.CSRFPreventionToken).toMatch(/^[0-9A-F]{8}:\S+$/);
    const renewed = await call('POST', '/access/ticket', { json: { username: 'root@pam', password: d.ticket } });
    expect(renewed.status).toBe(200);
  });

  it('refuses missing, tampered and expired tickets with 401 "authentication failed"', async () => {
    expect((await call('GET', '/version')).text).toBe('authentication failed');
    const s = await login('audit@pbs');
    const bad = s.ticket.slice(0, -2) + (s.ticket.endsWith('AA') ? 'BB' : 'AA');
    const tampered = await call('GET', '/version', { session: { ticket: bad } });
    expect([tampered.status, tampered.text]).toEqual([401, 'authentication failed']);
    expect((await call('GET', '/version', { session: s })).status).toBe(200);
    nowMs += 7201 * 1000;
    const expired = await call('GET', '/version', { session: s });
    expect([expired.status, expired.text]).toEqual([401, 'authentication failed']);
  });

  it("expires tickets after the simulator's ticket lifetime, not its clock", async () => {
    t.sim.settings.ticketLifetime = 30;
    const s = await login('audit@pbs');
    t.sim.advance(86400);
    expect((await call('GET', '/version', { session: s })).status).toBe(200);
    nowMs += 31 * 1000;
    expect((await call('GET', '/version', { session: s })).status).toBe(401);
  });

  it('refuses a write without the CSRF token', async () => {
    const s = await login('root@pam');
    const r = await call('PUT', '/config/datastore/nosuchstore', { session: s, csrf: false, form: { comment: 'x' } });
    expect([r.status, r.text]).toEqual([401, 'authentication failed']);
  });

  it('completes a TFA login with TOTP, then with a single-use recovery key', async () => {
    const first = await call('POST', '/access/ticket', { form: { username: 'totp@pbs', password: 'demo' } });
    const partial = first.json!.data as { ticket: string; CSRFPreventionToken: string };
    expect(partial.CSRFPreventionToken).toBe('invalid');
    const challenge = JSON.parse(decodeURIComponent(partial.ticket.split(':')[1]!.replace(/^!tfa!/, '')));
    expect(challenge).toEqual({ totp: true, recovery: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    expect((await call('GET', '/version', { session: { ticket: partial.ticket } })).status).toBe(401);

    const code = totpAt(base32Decode(DEMO_TOTP_SECRET), Math.floor(nowMs / 1000));
    const second = await call('POST', '/access/ticket', {
      form: { username: 'totp@pbs', password: `totp:${code}`, 'tfa-challenge': partial.ticket },
    });
    expect(second.status).toBe(200);
    const full = second.json!.data as { ticket: string };
    expect((await call('GET', '/version', { session: { ticket: full.ticket } })).status).toBe(200);

    const viaKey = {
      username: 'totp@pbs',
      password: `recovery:${DEMO_RECOVERY_KEYS[0]}`,
      'tfa-challenge': partial.ticket,
    };
    expect((await call('POST', '/access/ticket', { form: viaKey })).status).toBe(200);
    const reused = await call('POST', '/access/ticket', { form: viaKey });
    expect([reused.status, reused.text]).toEqual([401, 'permission check failed.']);
  });

  it('lets loginAs start a session for each demo user', async () => {
    for (const user of ['root@pam', 'audit@pbs', 'totp@pbs']) {
      const r = await t.loginAs(user);
      expect(r.username).toBe(user);
      expect(document.cookie).toContain('PBSAuthCookie=');
    }
    t.clearSession();
    expect(document.cookie).not.toContain('PBSAuthCookie=');
  });
});

describe('realms and permissions', () => {
  it('lists both realms without authentication, pam as default', async () => {
    const r = await call('GET', '/access/domains');
    expect(r.json!.data).toEqual([
      { realm: 'pam', type: 'pam', comment: 'Linux PAM standard authentication', default: true },
      { realm: 'pbs', type: 'pbs', comment: 'Proxmox Backup authentication server' },
    ]);
  });

  it('maps paths to privileges for the admin and the auditor', async () => {
    const admin = await call('GET', '/access/permissions', { session: await login('root@pam') });
    const adminMap = admin.json!.data as Record<string, Record<string, boolean>>;
    expect(Object.keys(adminMap).sort()).toEqual(['/', '/access', '/datastore', '/remote', '/system']);
    expect(adminMap['/datastore']!['Datastore.Modify']).toBe(true);
    const audit = await call('GET', '/access/permissions', { session: await login('audit@pbs') });
    const auditMap = audit.json!.data as Record<string, Record<string, boolean>>;
    expect(auditMap['/']).toEqual({ 'Sys.Audit': true, 'Datastore.Audit': true });
    expect(auditMap['/datastore']!['Datastore.Modify']).toBeUndefined();
  });

  it('lets the API token read but not write', async () => {
    const headers = { Authorization: `PBSAPIToken=${DEMO_TOKEN_ID}:${t.auth.tokenSecret(DEMO_TOKEN_ID)}` };
    const read = await call('GET', '/status/datastore-usage', { headers });
    expect(read.status).toBe(200);
    const stores = read.json!.data as { store: string }[];
    expect(stores.length).toBeGreaterThan(0);
    const write = await call('POST', `/admin/datastore/${stores[0]!.store}/gc`, { headers });
    expect([write.status, write.text]).toEqual([403, 'permission check failed']);
    const wrong = await call('GET', '/version', { headers: { Authorization: `PBSAPIToken=${DEMO_TOKEN_ID}:nope` } });
    expect(wrong.status).toBe(401);
  });
});
