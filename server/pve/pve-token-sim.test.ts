// @vitest-environment node
import http from 'node:http';
import { getResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatSnapshotTime } from '@/lib/format-time';
import { createHandlers } from '@/mocks/handlers/handlers';
import { simPveFetch } from '@/mocks/pve/pve-fetch';
import { createSimHost } from '@/mocks/sim-host';
import { testStartTime } from '@/mocks/sim/test-start';
import { createSimPveMount } from './pve-sim-mount.ts';
import type { PveMount } from './pve-mount.ts';
import { listen, request, type Running } from '../test-utils.ts';

const P = '/pve-api/api2/json';

// Token mode in front of the simulated PVE, through the same layer and node:http mount a real PVE meets; every
// call that reaches PVE is counted, so "refused before anything reaches PVE" is seen, not assumed.
describe('token mode against the simulated Proxmox VE', () => {
  const host = createSimHost({ seed: 1, startTime: testStartTime(), speed: 0 });
  const ctx = { host, authFailDelayMs: 0, forbiddenDelayMs: 0, authFailureReasons: false };
  const handlers = createHandlers({ host, authFailDelayMs: 0, forbiddenDelayMs: 0 });
  const origin = 'http://deck.internal';
  const reached: string[] = [];
  let mount: PveMount;
  let deck: Running;

  beforeAll(async () => {
    const pve = simPveFetch(ctx);
    mount = createSimPveMount(
      {
        mode: 'token',
        token: {
          value: null,
          rules: {
            tokenId: '',
            users: ['root@pam'],
            allowOverwrite: false,
            allowStart: false,
            targetStorages: ['local-lvm'],
            pools: ['lab'],
          },
        },
      },
      {
        ctx,
        pbsFetch: async (r) =>
          (await getResponse(handlers, r, { baseUrl: origin })) ?? new Response(null, { status: 404 }),
        pbsOrigin: origin,
      },
      false,
      (r) => {
        reached.push(`${r.method} ${new URL(r.url).pathname}`);
        return pve(r);
      },
    );
    deck = await listen(http.createServer((req, res) => mount(req, res)));
  });
  afterAll(async () => {
    mount.close();
    await deck.close();
  });
  beforeEach(() => {
    reached.length = 0;
  });

  const as = (user: string) => {
    const t = host.auth.issueTicket(user);
    return { cookie: `PBSAuthCookie=${encodeURIComponent(t.ticket)}`, csrfpreventiontoken: t.CSRFPreventionToken };
  };
  const archive = () => {
    const time = host.sim
      .listSnapshots('store1', undefined, 'vm', '100')
      .map((s) => s['backup-time'])
      .sort((a, b) => b - a)[0]!;
    return `pbs-store1:backup/vm/100/${formatSnapshotTime(time)}`;
  };
  const restore = (user: string, form: Record<string, string>) =>
    request(deck.url, {
      method: 'POST',
      path: `${P}/nodes/pve1/qemu`,
      headers: { ...as(user), 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ archive: archive(), storage: 'local-lvm', ...form }).toString(),
    });

  it('refuses a PBS user outside PVE_TOKEN_USERS, reads and restores, before anything reaches PVE', async () => {
    const read = await request(deck.url, { path: `${P}/cluster/resources?type=vm`, headers: as('audit@pbs') });
    expect(read.status).toBe(403);
    expect(read.text).toContain('PVE_TOKEN_USERS');
    expect((await restore('audit@pbs', { vmid: '150' })).status).toBe(403);
    expect(reached).toEqual([]);
  });

  it.each([
    [{ vmid: '100', force: '1' }, 'PVE_ALLOW_OVERWRITE'],
    [{ vmid: '150', start: '1' }, 'PVE_ALLOW_START'],
    [{ vmid: '150', storage: 'vmdata' }, 'PVE_TARGET_STORAGES'],
    [{ vmid: '150', pool: 'prod' }, 'PVE_POOLS'],
  ])('refuses %o for a listed user, naming %s, before anything reaches PVE', async (form, variable) => {
    const r = await restore('root@pam', form);
    expect(r.status).toBe(403);
    expect(JSON.parse(r.text).message).toContain(variable);
    expect(reached).toEqual([]);
  });

  it('lets an allowed restore reach the simulated PVE with the token', async () => {
    const r = await restore('root@pam', { vmid: '150', pool: 'lab' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).data).toMatch(
      /^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:qmrestore:150:deck@pve!restore:$/,
    );
    expect(reached).toEqual(['POST /api2/json/nodes/pve1/qemu']);
  });
});
