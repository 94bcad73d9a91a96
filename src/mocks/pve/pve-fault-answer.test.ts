// Fault rules reach the simulated Proxmox VE through simPveFetch, named by the path the console uses for it.
import { faultRules } from '../handlers/fault-rules';
import { pveTestClient, type PveAuth } from './pve-test-client';
import { SIM_PVE_ROOT_TOKEN } from './pve-users';

const t = pveTestClient();
const admin: PveAuth = { token: SIM_PVE_ROOT_TOKEN };
afterEach(() => faultRules(t.sim).clear());

describe('fault rules on the simulated Proxmox VE', () => {
  it("answers in PVE's error shape under /pve-api/, and leaves PVE alone for PBS-only rules", async () => {
    faultRules(t.sim).add(
      { path: '/api2/json/**', status: 503 },
      { path: '/pve-api/api2/json/nodes/*/storage', status: 500, body: 'storage daemon hung', times: 1 },
      { path: '/pve-api/api2/json/cluster/nextid', paramErrors: { vmid: 'VM 100 already exists' } },
      { method: 'POST', path: '/pve-api/api2/json/**', status: 401 },
    );
    // a PBS path of the same shape is not PVE's
    expect((await t.call('GET', '/nodes', admin)).status).toBe(200);
    const hung = await t.call('GET', '/nodes/pve1/storage', admin);
    expect(hung).toEqual({
      status: 500,
      statusText: 'storage daemon hung',
      body: { data: null, message: 'storage daemon hung\n' },
    });
    expect((await t.call('GET', '/nodes/pve1/storage', admin)).status).toBe(200);
    expect(await t.call('GET', '/cluster/nextid?vmid=100', admin)).toEqual({
      status: 400,
      statusText: 'Parameter verification failed.',
      body: { data: null, message: 'Parameter verification failed.\n', errors: { vmid: 'VM 100 already exists' } },
    });
    const login = await t.login({ username: 'root@pam', password: 'demo' });
    expect([login.answer.status, login.answer.statusText, login.answer.body]).toEqual([
      401,
      'Authentication failed!',
      { data: null },
    ]);
  });

  it('drops the connection as fetch does, and never answers a PBS digest conflict', async () => {
    faultRules(t.sim).add({ path: '/**', digestConflict: true }, { path: '/pve-api/api2/json/nodes', drop: true });
    await expect(t.call('GET', '/nodes', admin)).rejects.toThrow(TypeError);
    faultRules(t.sim).clear();
    faultRules(t.sim).add({ path: '/**', digestConflict: true });
    expect((await t.call('GET', '/nodes', admin)).status).toBe(200);
    expect(() => faultRules(t.sim).add({ path: '/pve-api/api2/json/nodes', digestConflict: true })).toThrow(
      "'rules[0].digestConflict' is PBS's answer; the simulated Proxmox VE has no config edits",
    );
  });
});
