import { getResponse } from 'msw';
import { formatSnapshotTime } from '@/lib/format-time';
import { pveModel } from '../pve/pve-model';
import { describeAction, replayActions } from './demo-replay';
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

  it('replays a guest restore through the simulated Proxmox VE, with the same task', async () => {
    const startTime = 1_780_000_000;
    // a stopped clock: the second build may take longer than the first, and the replay cannot go back in time
    const first = createSimHost({ seed: 5, startTime, speed: 0 });
    const time = first.sim
      .listSnapshots('store1', undefined, 'vm', '100')
      .map((s) => s['backup-time'])
      .sort((a, b) => b - a)[0]!;
    const archive = `pbs-store1:backup/vm/100/${formatSnapshotTime(time)}`;
    const body = new URLSearchParams({ vmid: '150', archive }).toString();
    const { action, status } = await put(first, '/pve-api/api2/json/nodes/pve1/qemu', body, 'POST');
    expect(status).toBe(200);
    expect(action).toMatchObject({ method: 'POST', url: '/pve-api/api2/json/nodes/pve1/qemu', authid: 'root@pam' });
    const upids = (h: ReturnType<typeof createSimHost>) => [...pveModel(h.sim).tasks.keys()];

    const second = createSimHost({ seed: 5, startTime, speed: 0 });
    await replayActions(second, [action!]);
    expect(upids(second)).toEqual(upids(first));
    expect(upids(second)[0]).toMatch(/^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:qmrestore:150:root@pam!deck:$/);
  });

  it('does not log reads or logins', async () => {
    const host = createSimHost({ seed: 5, startTime: 1_780_000_000, speed: 0 });
    const read = new Request(new URL('/api2/json/version', location.origin));
    const login = new Request(new URL('/api2/json/access/ticket', location.origin), { method: 'POST', body: 'x' });
    expect(await describeAction(host, read, {})).toBeNull();
    expect(await describeAction(host, login, {})).toBeNull();
  });
});
