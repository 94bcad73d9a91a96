import { getResponse } from 'msw';
import { formatSnapshotTime } from '@/lib/format-time';
import { pveModel } from '../pve/pve-model';
import { describeAction, redactBody, REDACTED, replayActions } from './demo-replay';
import type { DemoAction } from './demo-state';
import { faultRules } from './fault-rules';
import { createHandlers } from './handlers';
import { createSimHost } from '../sim-host';

async function put(host: ReturnType<typeof createSimHost>, url: string, body: string, method = 'PUT') {
  const { ticket, CSRFPreventionToken } = host.auth.issueTicket('root@pam');
  const request = new Request(new URL(url, location.origin), {
    method,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', CSRFPreventionToken },
    body,
  });
  const action = await describeAction(host, request, { PBSAuthCookie: ticket });
  document.cookie = `PBSAuthCookie=${encodeURIComponent(ticket)}; path=/`;
  const handlers = createHandlers({ host, authFailDelayMs: 0 });
  const response = await getResponse(handlers, request, { baseUrl: location.origin });
  document.cookie = 'PBSAuthCookie=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  return { action, status: response?.status };
}

describe('demo persistence', () => {
  it('rebuilds a changed datastore config from the seed and the logged change', async () => {
    const startTime = 1_780_000_000;
    const first = createSimHost({ seed: 5, startTime });
    const store = first.sim.listDatastores()[0]!.store;
    const { action, status } = await put(
      first,
      `/api2/json/config/datastore/${store}`,
      'comment=kept%20across%20reloads',
    );
    expect(status).toBe(200);
    expect(action).toMatchObject({ method: 'PUT', authid: 'root@pam' });

    document.cookie = 'PBSAuthCookie=visitor; path=/';
    const second = createSimHost({ seed: 5, startTime });
    await replayActions(second, [action!]);
    expect(second.sim.datastoreConfig(store).comment).toBe('kept across reloads');
    expect(document.cookie).toContain('PBSAuthCookie=visitor');
  });

  it('replays without fault rules or rates, and keeps what a logged /__sim/faults set', async () => {
    const startTime = 1_780_000_000;
    const first = createSimHost({ seed: 5, startTime, speed: 0 });
    const { action } = await put(first, '/api2/json/config/datastore/store1', 'comment=despite%20faults');
    const control: DemoAction = {
      t: startTime,
      method: 'POST',
      url: '/__sim/faults',
      contentType: 'application/json',
      body: JSON.stringify({ addRules: [{ path: '/api2/json/**', drop: true }], latencyMs: 250 }),
      authid: null,
    };

    const second = createSimHost({ seed: 5, startTime, speed: 0 });
    faultRules(second.sim).add({ path: '/api2/json/config/datastore/store1', status: 500, body: 'held', times: 1 });
    second.sim.faults.errorRate = 1;
    await replayActions(second, [control, action!]);
    expect(second.sim.datastoreConfig('store1').comment).toBe('despite faults');
    // nothing was spent on the replay, and the logged control's rule and rate hold, beside the rate it left alone
    expect(faultRules(second.sim).list()).toEqual([
      { path: '/api2/json/config/datastore/store1', status: 500, body: 'held', times: 1 },
      { path: '/api2/json/**', drop: true },
    ]);
    expect(second.sim.faults).toEqual({ latencyMs: 250, errorRate: 1, dropRate: 0 });
    const after = await getResponse(
      createHandlers({ host: second, authFailDelayMs: 0 }),
      new Request(new URL('/api2/json/config/datastore/store1', location.origin)),
      { baseUrl: location.origin },
    );
    expect([after?.status, await after?.text()]).toEqual([500, 'held']);
  });

  it('replays a guest restore through the simulated Proxmox VE as the PVE user who made it, with the same task', async () => {
    const startTime = 1_780_000_000;
    // a stopped clock: the second build may take longer than the first, and the replay cannot go back in time
    const first = createSimHost({ seed: 5, startTime, speed: 0 });
    const time = first.sim
      .listSnapshots('store1', undefined, 'vm', '100')
      .map((s) => s['backup-time'])
      .sort((a, b) => b - a)[0]!;
    const archive = `pbs-store1:backup/vm/100/${formatSnapshotTime(time)}`;
    const handlers = createHandlers({ host: first, authFailDelayMs: 0 });
    const { ticket, CSRFPreventionToken } = first.auth.issueTicket('root@pam');
    document.cookie = `PBSAuthCookie=${encodeURIComponent(ticket)}; path=/`;
    const send = async (url: string, body: Record<string, string>) => {
      const request = new Request(new URL(url, location.origin), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', CSRFPreventionToken },
        body: new URLSearchParams(body).toString(),
      });
      const action = await describeAction(first, request, { PBSAuthCookie: ticket });
      const response = await getResponse(handlers, request, { baseUrl: location.origin });
      return { action, status: response?.status };
    };
    try {
      // without a PVE login the deck refuses the restore, and nothing reaches PVE
      expect((await send('/pve-api/api2/json/nodes/pve1/qemu', { vmid: '150', archive })).status).toBe(401);
      const login = await send('/pve-api/api2/json/access/ticket', { username: 'root@pam', password: 'demo' });
      expect(login.status).toBe(200);
      expect(login.action).toBeNull();
      const { action, status } = await send('/pve-api/api2/json/nodes/pve1/qemu', { vmid: '150', archive });
      expect(status).toBe(200);
      expect(action).toMatchObject({
        method: 'POST',
        url: '/pve-api/api2/json/nodes/pve1/qemu',
        authid: 'root@pam',
        pveUser: 'root@pam',
      });
      expect(action!.body).not.toContain('password');
      const upids = (h: ReturnType<typeof createSimHost>) => [...pveModel(h.sim).tasks.keys()];
      expect(upids(first)).toHaveLength(1);

      const second = createSimHost({ seed: 5, startTime, speed: 0 });
      await replayActions(second, [action!]);
      expect(upids(second)).toEqual(upids(first));
      expect(upids(second)[0]).toMatch(/^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:qmrestore:150:root@pam:$/);
    } finally {
      document.cookie = 'PBSAuthCookie=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    }
  });

  it('does not log reads, logins, or calls about users, tokens, second factors and passwords', async () => {
    const host = createSimHost({ seed: 5, startTime: 1_780_000_000, speed: 0 });
    const { ticket } = host.auth.issueTicket('root@pam');
    const cookies = { PBSAuthCookie: ticket };
    const read = new Request(new URL('/api2/json/version', location.origin));
    expect(await describeAction(host, read, cookies)).toBeNull();
    for (const [method, path] of [
      ['POST', '/api2/json/access/ticket'],
      ['POST', '/api2/json/access/users'],
      ['PUT', '/api2/json/access/users/reader@pbs'],
      ['POST', '/api2/json/access/users/reader@pbs/token/dash'],
      ['POST', '/api2/json/access/tfa/totp@pbs'],
      ['PUT', '/api2/json/access/password'],
      ['POST', '/pve-api/api2/json/access/ticket'],
      ['DELETE', '/pve-api/api2/json/access/ticket'],
    ]) {
      const request = new Request(new URL(path!, location.origin), {
        method,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'userid=reader%40pbs&password=s3cret-typed',
      });
      expect(await describeAction(host, request, cookies), `${method} ${path}`).toBeNull();
    }
    // other writes are logged: an ACL change is one
    const acl = new Request(new URL('/api2/json/access/acl', location.origin), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'path=%2Fdatastore%2Fstore1&role=DatastoreReader&auth-id=reader%40pbs',
    });
    expect(await describeAction(host, acl, cookies)).toMatchObject({ method: 'PUT', url: '/api2/json/access/acl' });
  });

  it('keeps password, value and otp fields out of what it logs, in forms and in JSON', () => {
    const form = redactBody('application/x-www-form-urlencoded', 'store=store1&password=hunter2&otp=123456&x=1');
    expect(new URLSearchParams(form).get('password')).toBe(REDACTED);
    expect(new URLSearchParams(form).get('otp')).toBe(REDACTED);
    expect(new URLSearchParams(form).get('store')).toBe('store1');
    expect(form).not.toMatch(/hunter2|123456/);
    const json = redactBody('application/json; charset=utf-8', JSON.stringify({ a: { value: 'k3y', keep: 'yes' } }));
    expect(JSON.parse(json)).toEqual({ a: { value: REDACTED, keep: 'yes' } });
    expect(redactBody('application/x-www-form-urlencoded', 'comment=plain')).toBe('comment=plain');
  });
});
