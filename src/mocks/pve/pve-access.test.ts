// Logins, tickets and second factors of the simulated Proxmox VE, as pve-access-control (API2/AccessControl.pm
// create_ticket, AccessControl.pm authenticate_user / authenticate_2nd_new), pve-common (Ticket.pm) and pveproxy
// (HTTPServer.pm auth_handler) make them, and what a privilege-separated API token may do. Every clock reading is
// the simulator's.
import { createHmac } from 'node:crypto';
import { pveModel } from './pve-model';
import { pveTestClient, type PveAuth } from './pve-test-client';
import { PVE_RECOVERY_KEYS, PVE_TOTP_SECRET, SIM_PVE_TOKEN } from './pve-users';

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits) for a base32 secret, written apart from the simulator's own. */
function totp(secretB32: string, epochSeconds: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secretB32) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(epochSeconds / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The challenge a `PVE:!tfa!…` ticket carries, as JSON (the ticket escapes only ':'). */
function challengeOf(ticket: string): Record<string, unknown> {
  const m = /^PVE:!tfa!(.*):[0-9A-F]{8}::\S+$/.exec(ticket);
  if (!m) throw new Error(`not a TFA challenge ticket: ${ticket}`);
  return JSON.parse(m[1]!.replaceAll('%3A', ':')) as Record<string, unknown>;
}

const VM_ADMIN_PRIVS = [
  'VM.Allocate',
  'VM.Audit',
  'VM.Backup',
  'VM.Clone',
  'VM.Config.CDROM',
  'VM.Config.CPU',
  'VM.Config.Cloudinit',
  'VM.Config.Disk',
  'VM.Config.HWType',
  'VM.Config.Memory',
  'VM.Config.Network',
  'VM.Config.Options',
  'VM.Console',
  'VM.GuestAgent.Audit',
  'VM.GuestAgent.FileRead',
  'VM.GuestAgent.FileSystemMgmt',
  'VM.GuestAgent.FileWrite',
  'VM.GuestAgent.Unrestricted',
  'VM.Migrate',
  'VM.PowerMgmt',
  'VM.Replicate',
  'VM.Snapshot',
  'VM.Snapshot.Rollback',
];
const ones = (privs: string[]) => Object.fromEntries(privs.map((p) => [p, 1]));

describe('PVE login with a password', () => {
  it('gives a full ticket, a CSRF token and the caps of the user; no cluster name without Sys.Audit', async () => {
    const t = pveTestClient();
    const { answer, data } = await t.login({ username: 'pve-restore@pve', password: 'demo' });
    expect(answer.status).toBe(200);
    expect(data.username).toBe('pve-restore@pve');
    expect(data.NeedTFA).toBeUndefined();
    expect(data.ticket).toMatch(/^PVE:pve-restore@pve:[0-9A-F]{8}::\S+$/);
    expect(data.ticket.split(':')[2]).toBe(t.sim.now().toString(16).toUpperCase().padStart(8, '0'));
    expect(data.CSRFPreventionToken).toMatch(/^[0-9A-F]{8}:\S+$/);
    // PVEVMAdmin on /pool/lab counts for vms; PVEDatastoreUser on two storages for storage
    expect(data.cap).toEqual({
      vms: ones(VM_ADMIN_PRIVS),
      storage: ones(['Datastore.AllocateSpace', 'Datastore.Audit']),
      access: {},
      nodes: {},
      sdn: {},
      dc: {},
      mapping: {},
    });
    expect(data.clustername).toBeUndefined();
    const audit = await t.login({ username: 'pve-audit', realm: 'pve', password: 'demo' });
    expect(audit.data.username).toBe('pve-audit@pve');
    expect(audit.data.clustername).toBe('homelab');
  });

  it('refuses a wrong password, an unknown user and an unknown realm alike: 401 "authentication failure"', async () => {
    const t = pveTestClient();
    for (const form of [
      { username: 'pve-restore@pve', password: 'wrong' },
      { username: 'nobody@pve', password: 'demo' },
      { username: 'pve-restore@ldap', password: 'demo' },
    ]) {
      const { answer } = await t.login(form);
      expect({ status: answer.status, reason: answer.statusText, body: answer.body }).toEqual({
        status: 401,
        reason: 'authentication failure',
        body: { data: null, message: 'authentication failure\n' },
      });
    }
  });

  it('lists the realms without a ticket', async () => {
    const t = pveTestClient();
    const r = await t.call('GET', '/access/domains', null);
    expect(r.body.data).toEqual([
      { realm: 'pam', type: 'pam', comment: 'Linux PAM standard authentication' },
      { realm: 'pve', type: 'pve', comment: 'Proxmox VE authentication server', default: 1 },
    ]);
  });
});

describe('PVE login with a second factor', () => {
  it('asks a TOTP user for its code with a challenge ticket, takes the right code and refuses a wrong one', async () => {
    const t = pveTestClient();
    const first = await t.login({ username: 'pve-totp@pve', password: 'demo' });
    expect(first.answer.status).toBe(200);
    expect(first.data).toMatchObject({ username: 'pve-totp@pve', NeedTFA: 1 });
    expect(first.data.cap).toBeUndefined();
    expect(challengeOf(first.data.ticket)).toEqual({ totp: true, recovery: [0, 1, 2, 3, 4, 5, 6, 7] });
    // the challenge ticket opens nothing but the second step
    const early = await t.call('GET', '/nodes', { ticket: first.data.ticket });
    expect([early.status, early.statusText]).toEqual([401, 'Authentication failed!']);

    const now = t.sim.now();
    const near = [-30, 0, 30].map((d) => totp(PVE_TOTP_SECRET, now + d));
    const wrong = ['000000', '111111'].find((c) => !near.includes(c))!;
    const refused = await t.login({
      username: 'pve-totp@pve',
      'tfa-challenge': first.data.ticket,
      password: `totp:${wrong}`,
    });
    expect([refused.answer.status, refused.answer.statusText]).toEqual([401, 'authentication failure']);

    const second = await t.login({
      username: 'pve-totp@pve',
      'tfa-challenge': first.data.ticket,
      password: `totp:${totp(PVE_TOTP_SECRET, now)}`,
    });
    expect(second.answer.status).toBe(200);
    expect(second.data.NeedTFA).toBeUndefined();
    expect(second.data.ticket).toMatch(/^PVE:pve-totp@pve:[0-9A-F]{8}::\S+$/);
    expect(second.data.cap?.vms).toEqual(ones(VM_ADMIN_PRIVS));
    const nodes = await t.call('GET', '/nodes', { ticket: second.data.ticket });
    expect(nodes.status).toBe(200);
  });

  it('refuses the challenge of one user answered for another', async () => {
    const t = pveTestClient();
    const first = await t.login({ username: 'pve-totp@pve', password: 'demo' });
    const other = await t.login({
      username: 'pve-admin@pve',
      'tfa-challenge': first.data.ticket,
      password: `totp:${totp(PVE_TOTP_SECRET, t.sim.now())}`,
    });
    expect([other.answer.status, other.answer.statusText]).toEqual([401, 'authentication failure']);
  });

  it('takes a recovery key once; the next challenge no longer offers it and a second use fails', async () => {
    const t = pveTestClient();
    const key = PVE_RECOVERY_KEYS[2]!;
    const first = await t.login({ username: 'pve-totp@pve', password: 'demo' });
    const ok = await t.login({
      username: 'pve-totp@pve',
      'tfa-challenge': first.data.ticket,
      password: `recovery:${key}`,
    });
    expect(ok.answer.status).toBe(200);
    expect(ok.data.ticket).toMatch(/^PVE:pve-totp@pve:/);

    const again = await t.login({ username: 'pve-totp@pve', password: 'demo' });
    expect(challengeOf(again.data.ticket)).toEqual({ totp: true, recovery: [0, 1, 3, 4, 5, 6, 7] });
    const reused = await t.login({
      username: 'pve-totp@pve',
      'tfa-challenge': again.data.ticket,
      password: `recovery:${key}`,
    });
    expect([reused.answer.status, reused.answer.statusText]).toEqual([401, 'authentication failure']);
  });

  it('offers a WebAuthn-only user nothing but a WebAuthn challenge, which no code answers', async () => {
    const t = pveTestClient();
    const first = await t.login({ username: 'pve-key@pve', password: 'demo' });
    expect(first.data.NeedTFA).toBe(1);
    const challenge = challengeOf(first.data.ticket);
    expect(Object.keys(challenge)).toEqual(['webauthn']);
    expect(challenge.webauthn).toMatchObject({
      publicKey: { challenge: expect.stringMatching(/^[A-Za-z0-9_-]+$/), allowCredentials: [{ type: 'public-key' }] },
    });
    const code = await t.login({
      username: 'pve-key@pve',
      'tfa-challenge': first.data.ticket,
      password: `totp:${totp(PVE_TOTP_SECRET, t.sim.now())}`,
    });
    expect([code.answer.status, code.answer.statusText]).toEqual([401, 'authentication failure']);
  });
});

describe('PVE tickets over time', () => {
  it('accepts a ticket for two hours, then refuses it; a renewal before then gives a fresh one', async () => {
    const t = pveTestClient();
    const first = await t.session('pve-restore@pve');
    t.sim.advance(3600);
    expect((await t.call('GET', '/nodes', first)).status).toBe(200);
    // renewal: the ticket in place of the password
    const renewed = await t.login({ username: 'pve-restore@pve', password: first.ticket });
    expect(renewed.answer.status).toBe(200);
    expect(renewed.data.ticket).not.toBe(first.ticket);
    t.sim.advance(3601);
    const expired = await t.call('GET', '/nodes', first);
    expect({ status: expired.status, reason: expired.statusText, body: expired.body }).toEqual({
      status: 401,
      reason: 'Authentication failed!',
      body: { data: null },
    });
    expect((await t.call('GET', '/nodes', { ticket: renewed.data.ticket })).status).toBe(200);
    // nor does an expired ticket renew
    const late = await t.login({ username: 'pve-restore@pve', password: first.ticket });
    expect([late.answer.status, late.answer.statusText]).toEqual([401, 'authentication failure']);
  });

  it("does not renew another user's ticket", async () => {
    const t = pveTestClient();
    const audit = await t.session('pve-audit@pve');
    const r = await t.login({ username: 'pve-admin@pve', password: audit.ticket });
    expect([r.answer.status, r.answer.statusText]).toEqual([401, 'authentication failure']);
  });
});

describe('PVE CSRF protection', () => {
  const restore = { vmid: '150', archive: 'pbs-store1:backup/vm/101/2020-01-01T00:00:00Z', storage: 'local-lvm' };

  it('refuses a write with a ticket but without its CSRF token, or with the token of another user', async () => {
    const t = pveTestClient();
    const s = await t.session('pve-restore@pve');
    const other = await t.session('pve-audit@pve');
    for (const auth of [{ ticket: s.ticket }, { ticket: s.ticket, csrf: other.csrf }] satisfies PveAuth[]) {
      const r = await t.call('POST', '/nodes/pve1/qemu', auth, restore);
      expect({ status: r.status, reason: r.statusText }).toEqual({
        status: 401,
        reason: 'Permission denied - invalid csrf token',
      });
    }
    // reads need no CSRF token
    expect((await t.call('GET', '/nodes', { ticket: s.ticket })).status).toBe(200);
    // with it, the write reaches the permission checks (no VM.Allocate on /vms/150 without a pool)
    const withCsrf = await t.call('POST', '/nodes/pve1/qemu', s, restore);
    expect([withCsrf.status, withCsrf.statusText]).toEqual([403, 'Permission check failed']);
  });

  it('asks an API token for no CSRF token', async () => {
    const t = pveTestClient();
    const r = await t.call('POST', '/nodes/pve1/qemu', { token: SIM_PVE_TOKEN }, { ...restore, pool: 'nope' });
    expect([r.status, r.statusText]).toEqual([403, "Permission check failed (pool 'nope' does not exist)"]);
  });
});

describe('a privilege-separated API token', () => {
  it("holds only what both its own ACL and its user's grant", async () => {
    const t = pveTestClient();
    const token = { token: SIM_PVE_TOKEN };
    const vmids = async () =>
      ((await t.call('GET', '/cluster/resources?type=vm', token)).body.data as { vmid: number }[]).map((v) => v.vmid);
    // as shipped, user and token both hold PVEVMAdmin on /vms
    expect(await vmids()).toEqual(expect.arrayContaining([100, 101]));

    // the user keeps its role on the guests of pool lab only; the token's ACL still reaches /vms
    const { acl } = pveModel(t.sim).access;
    const userVms = acl.find((e) => e.ugid === 'deck@pve' && e.path === '/vms')!;
    userVms.path = '/pool/lab';
    const seen = await vmids();
    expect(seen).toContain(101);
    expect(seen).not.toContain(100);

    // and a right the user alone holds does not reach the token: Sys.Audit lists the nodes' details
    acl.push({ path: '/', ugid: 'deck@pve', role: 'PVEAuditor' });
    const session = await t.session('deck@pve');
    const asUser = (await t.call('GET', '/nodes', session)).body.data as Record<string, unknown>[];
    const asToken = (await t.call('GET', '/nodes', token)).body.data as Record<string, unknown>[];
    expect(asUser[0]).toHaveProperty('cpu');
    expect(asToken[0]).not.toHaveProperty('cpu');
  });
});
