// The simulated Proxmox VE at its own origin, through simPveFetch: listings, restores followed to their end, and
// PVE's refusals. root@pam's API token does what a full-rights client does; pve-access.test.ts and
// restore-matrix.test.ts cover who may do what.
import { formatSnapshotTime } from '@/lib/format-time';
import { pveTestClient, type PveAuth } from './pve-test-client';
import { SIM_PVE_ROOT_TOKEN } from './pve-users';

const t = pveTestClient();
const admin: PveAuth = { token: SIM_PVE_ROOT_TOKEN };
const pve = t.call;

const newest = (store: string, type: 'vm' | 'ct', id: string, ns?: string) =>
  t.sim
    .listSnapshots(store, ns, type, id)
    .map((s) => s['backup-time'])
    .sort((a, b) => b - a)[0]!;
const volid = (storage: string, type: 'vm' | 'ct', id: string, time: number) =>
  `${storage}:backup/${type}/${id}/${formatSnapshotTime(time)}`;
const upidPath = (upid: string) => `/nodes/pve1/tasks/${encodeURIComponent(upid)}`;

async function followToEnd(upid: string): Promise<{ exitstatus: string; lines: string[] }> {
  const running = await pve('GET', `${upidPath(upid)}/status`, admin);
  expect(running.body.data).toMatchObject({ status: 'running', upid, node: 'pve1', user: 'root@pam', tokenid: 'deck' });
  t.sim.advance(3600);
  const status = (await pve('GET', `${upidPath(upid)}/status`, admin)).body.data as {
    status: string;
    exitstatus: string;
  };
  expect(status.status).toBe('stopped');
  const log = await pve('GET', `${upidPath(upid)}/log?start=0&limit=0`, admin);
  const lines = (log.body.data as { n: number; t: string }[]).map((l) => l.t);
  expect(log.body.total).toBe(lines.length);
  return { exitstatus: status.exitstatus, lines };
}

describe('PVE listings', () => {
  it('lists nodes, storages by content, and the backups of a pbs storage as PVE volumes', async () => {
    expect((await pve('GET', '/nodes', admin)).body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ node: 'pve1', status: 'online' })]),
    );
    const images = (await pve('GET', '/nodes/pve1/storage?content=images', admin)).body.data as { storage: string }[];
    expect(images.map((s) => s.storage)).toEqual(['local-lvm', 'vmdata']);
    const time = newest('store1', 'vm', '100');
    const content = (await pve('GET', '/nodes/pve1/storage/pbs-store1/content?content=backup&vmid=100', admin)).body
      .data as Record<string, unknown>[];
    expect(content.find((c) => c.ctime === time)).toMatchObject({
      volid: volid('pbs-store1', 'vm', '100', time),
      format: 'pbs-vm',
      subtype: 'qemu',
      vmid: 100,
      content: 'backup',
    });
    const db = (await pve('GET', '/nodes/pve1/storage/pbs-db/content?content=backup&vmid=300', admin)).body
      .data as Record<string, unknown>[];
    expect(db[0]!.encrypted).toMatch(/^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
  });

  it('gives the next free VMID as a string and lists the guests in use', async () => {
    expect((await pve('GET', '/cluster/nextid', admin)).body.data).toBe('106');
    const inUse = await pve('GET', '/cluster/nextid?vmid=100', admin);
    expect(inUse.status).toBe(400);
    expect(inUse.body.errors).toEqual({ vmid: 'VM 100 already exists' });
    const vms = (await pve('GET', '/cluster/resources?type=vm', admin)).body.data as { id: string }[];
    expect(vms.map((v) => v.id)).toEqual(expect.arrayContaining(['qemu/100', 'lxc/110']));
    expect(vms.map((v) => v.id)).not.toContain('qemu/500');
  });

  it('answers only with a PVE ticket or API token, as pveproxy does', async () => {
    const none = await pve('GET', '/nodes', null);
    expect(none.status).toBe(401);
    expect(none.statusText).toBe('No ticket');
    expect(none.body).toEqual({ data: null });
    const forged = await pve('GET', '/nodes', { token: SIM_PVE_ROOT_TOKEN.replace(/.$/, '0') });
    expect(forged.statusText).toBe('Authentication failed!');
    const unknown = await pve('GET', '/nodes/pve1/firewall', admin);
    expect(unknown.status).toBe(501);
    expect(unknown.body.message).toBe("Method 'GET /nodes/pve1/firewall' not implemented\n");
  });
});

describe('VM restore', () => {
  it('restores to a new VMID with a PVE UPID and follows pbs-restore to TASK OK', async () => {
    const time = newest('store1', 'vm', '101');
    const r = await pve('POST', '/nodes/pve1/qemu', admin, {
      vmid: '106',
      archive: volid('pbs-store1', 'vm', '101', time),
      storage: 'local-lvm',
      unique: '1',
      start: '1',
    });
    expect(r.status).toBe(200);
    const upid = r.body.data as string;
    expect(upid).toMatch(/^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:qmrestore:106:root@pam!deck:$/);
    const { exitstatus, lines } = await followToEnd(upid);
    expect(exitstatus).toBe('OK');
    expect(lines).toContain("new volume ID is 'local-lvm:vm-106-disk-0'");
    expect(
      lines.some((l) =>
        l.startsWith(
          `restore proxmox backup image: /usr/bin/pbs-restore --repository root@pam!pve@pbs-demo:store1 vm/101/${formatSnapshotTime(time)} drive-scsi0.img.fidx /dev/pve/vm-106-disk-0 --verbose --format raw --skip-zero`,
        ),
      ),
    ).toBe(true);
    expect(lines).toContainEqual(
      expect.stringMatching(/^progress 100% \(read \d+ bytes, zeroes = \d+% \(\d+ bytes\), duration \d+ sec\)$/),
    );
    expect(lines.slice(-3)).toEqual(['rescan volumes...', 'Execute autostart', 'TASK OK']);
    const vms = (await pve('GET', '/cluster/resources?type=vm', admin)).body.data as { vmid: number; status: string }[];
    expect(vms.find((v) => v.vmid === 106)).toMatchObject({ status: 'running' });
  });

  it('refuses a VMID in use without force, in PVE words', async () => {
    const r = await pve('POST', '/nodes/pve1/qemu', admin, {
      vmid: '100',
      archive: volid('pbs-store1', 'vm', '100', newest('store1', 'vm', '100')),
    });
    expect(r.status).toBe(500);
    expect(r.statusText).toBe("unable to restore VM 100 - VM 100 already exists on node 'pve1'");
    expect(r.body).toEqual({
      data: null,
      message: "unable to restore VM 100 - VM 100 already exists on node 'pve1'\n",
    });
  });

  it('fails the task when forced over a running VM', async () => {
    const r = await pve('POST', '/nodes/pve1/qemu', admin, {
      vmid: '102',
      force: '1',
      archive: volid('pbs-store1', 'vm', '102', newest('store1', 'vm', '102')),
    });
    expect(r.status).toBe(200);
    expect((await followToEnd(r.body.data as string)).exitstatus).toBe('unable to restore VM 102 - vm is running');
  });

  it('restores an encrypted backup where the storage has the key, and fails where it has none', async () => {
    const inDb = newest('store1', 'vm', '300', 'prod/db');
    const ok = await pve('POST', '/nodes/pve1/qemu', admin, {
      vmid: '107',
      archive: volid('pbs-db', 'vm', '300', inDb),
      'live-restore': '1',
    });
    const good = await followToEnd(ok.body.data as string);
    expect(good.exitstatus).toBe('OK');
    expect(good.lines).toContain('starting VM for live-restore');
    const offsite = newest('offsite', 'vm', '300');
    const bad = await pve('POST', '/nodes/pve1/qemu', admin, {
      vmid: '108',
      archive: volid('pbs-offsite', 'vm', '300', offsite),
    });
    const failed = await followToEnd(bad.body.data as string);
    expect(failed.lines).toContainEqual(
      expect.stringMatching(/^Error: missing key - manifest was created with key [0-9a-f:]{95}$/),
    );
    expect(failed.exitstatus).toMatch(
      /^command '\/usr\/bin\/proxmox-backup-client restore --crypt-mode=none vm\/300\/\S+ index.json \S+ --repository root@pam!pve@pbs-demo:offsite' failed: exit code 255$/,
    );
  });

  it('refuses unknown volumes: an unknown storage at once, a missing snapshot in the task', async () => {
    const noStorage = await pve('POST', '/nodes/pve1/qemu', admin, {
      vmid: '109',
      archive: 'nope:backup/vm/100/2020-01-01T00:00:00Z',
    });
    expect(noStorage.body).toEqual({ data: null, message: "storage 'nope' does not exist\n" });
    const badName = await pve('POST', '/nodes/pve1/qemu', admin, { vmid: '109', archive: 'pbs-store1:backup/vm/100' });
    expect(badName.body.message).toBe("unable to parse PBS volume name 'backup/vm/100'\n");
    const missing = await pve('POST', '/nodes/pve1/qemu', admin, {
      vmid: '109',
      archive: 'pbs-store1:backup/vm/100/2020-01-01T00:00:00Z',
    });
    const { lines, exitstatus } = await followToEnd(missing.body.data as string);
    expect(lines).toContain('Error: snapshot vm/100/2020-01-01T00:00:00Z does not exist.');
    expect(exitstatus).toContain('failed: exit code 255');
  });

  it('checks parameters as PVE does, then that the pool exists', async () => {
    const r = await pve('POST', '/nodes/pve1/qemu', admin, { vmid: 'abc', archive: 'x', start: 'maybe' });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual({
      vmid: "type check ('integer') failed - got 'abc'",
      start: "type check ('boolean') failed - got 'maybe'",
    });
    const noPool = await pve('POST', '/nodes/pve1/qemu', admin, {
      vmid: '120',
      pool: 'nope',
      archive: volid('pbs-store1', 'vm', '100', newest('store1', 'vm', '100')),
    });
    expect(noPool.status).toBe(403);
    expect(noPool.body.message).toBe("Permission check failed (pool 'nope' does not exist)\n");
  });
});

describe('CT restore', () => {
  const ct = () => volid('pbs-store1', 'ct', '110', newest('store1', 'ct', '110'));

  it('has no live restore', async () => {
    const r = await pve('POST', '/nodes/pve1/lxc', admin, {
      vmid: '120',
      ostemplate: ct(),
      restore: '1',
      storage: 'local-lvm',
      'live-restore': '1',
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual({
      'live-restore': 'property is not defined in schema and the schema does not allow additional properties',
    });
  });

  it('refuses the default storage local, which holds no container directories', async () => {
    const r = await pve('POST', '/nodes/pve1/lxc', admin, { vmid: '120', ostemplate: ct(), restore: '1' });
    expect(r.body.errors).toEqual({ storage: "storage 'local' does not support container directories" });
  });

  it('refuses a VMID in use with the CT wording', async () => {
    const r = await pve('POST', '/nodes/pve1/lxc', admin, {
      vmid: '110',
      ostemplate: ct(),
      restore: '1',
      storage: 'local-lvm',
    });
    expect(r.body.message).toBe("CT 110 already exists on node 'pve1'\n");
  });

  it('restores as vzrestore and ends with TASK OK', async () => {
    const r = await pve('POST', '/nodes/pve1/lxc', admin, {
      vmid: '121',
      ostemplate: ct(),
      restore: '1',
      storage: 'vmdata',
      start: '1',
    });
    expect(r.body.data).toMatch(/:vzrestore:121:root@pam!deck:$/);
    const { exitstatus, lines } = await followToEnd(r.body.data as string);
    expect(exitstatus).toBe('OK');
    expect(lines).toEqual([
      `recovering backed-up configuration from '${ct()}'`,
      `restoring '${ct()}' now..`,
      'merging backed-up and given configuration..',
      'TASK OK',
    ]);
  });

  it('does not know a task of another id', async () => {
    const r = await pve(
      'GET',
      `${upidPath('UPID:pve1:00000001:00000001:00000001:qmrestore:1:root@pam:')}/status`,
      admin,
    );
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual({ upid: 'no such task' });
  });
});
