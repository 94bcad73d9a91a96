// GET /admin/datastore/{store}/download of index files: PBS's bytes (pbs-formats.md §1–2) checked here with
// node's own SHA-256 and by hand-read offsets, the manifest's csum and size matching, and PBS's refusals.
import { createHash } from 'node:crypto';
import { createTestServer } from '../node';
import { BASE, call, login, type Session } from './test-client';

const t = createTestServer({ speed: 0 });
let admin: Session;
const MiB = 1024 * 1024;

beforeAll(async () => {
  t.server.listen({ onUnhandledRequest: 'error' });
  t.host.auth.addUser({ userid: 'client@pbs', password: 'demo', enable: true, expire: 0 });
  t.host.auth.addAcl({ path: '/datastore/store1', ugid: 'client@pbs', roleid: 'DatastoreBackup', propagate: true });
  admin = await login('root@pam');
});
afterAll(() => t.server.close());

interface Snap {
  'backup-type': string;
  'backup-id': string;
  'backup-time': number;
}

async function newest(ns: string, type: string, id: string): Promise<string> {
  const q = ns ? `?ns=${ns}` : '';
  const list = (await call('GET', `/admin/datastore/store1/snapshots${q}`, { session: admin })).json!.data as Snap[];
  const s = list
    .filter((x) => x['backup-type'] === type && x['backup-id'] === id)
    .sort((a, b) => b['backup-time'] - a['backup-time'])[0]!;
  return `backup-type=${type}&backup-id=${id}&backup-time=${s['backup-time']}${ns ? `&ns=${ns}` : ''}`;
}

async function fetchBytes(path: string, session = admin) {
  const res = await fetch(`${BASE}/api2/json${path}`, {
    headers: { Cookie: `PBSAuthCookie=${encodeURIComponent(session.ticket)}` },
  });
  return { status: res.status, type: res.headers.get('Content-Type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

async function manifestEntry(q: string, name: string) {
  const r = await call('GET', `/admin/datastore/store1/download-decoded?${q}&file-name=index.json.blob`, {
    session: admin,
  });
  const m = r.json as unknown as { 'backup-time': number; files: { filename: string; csum: string; size: number }[] };
  return { time: m['backup-time'], ...m.files.find((f) => f.filename === name)! };
}

const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

describe('download of index files', () => {
  it('serves a VM disk as a fixed index whose header and checksum match the manifest', async () => {
    const q = await newest('', 'vm', '104');
    const r = await fetchBytes(`/admin/datastore/store1/download?${q}&file-name=drive-scsi0.img.fidx`);
    expect([r.status, r.type]).toEqual([200, 'application/octet-stream']);
    const b = r.bytes;
    const entry = await manifestEntry(q, 'drive-scsi0.img.fidx');
    expect([...b.subarray(0, 8)]).toEqual([47, 127, 65, 237, 145, 253, 15, 205]);
    expect(Number(b.readBigInt64LE(24))).toBe(entry.time);
    expect(u64(b, 64)).toBe(entry.size);
    expect(u64(b, 72)).toBe(4 * MiB);
    expect(b.subarray(80, 4096).every((x) => x === 0)).toBe(true);
    expect(b.length).toBe(4096 + 32 * Math.ceil(entry.size / (4 * MiB)));
    const csum = createHash('sha256').update(b.subarray(4096)).digest('hex');
    expect(b.subarray(32, 64).toString('hex')).toBe(csum);
    expect(entry.csum).toBe(csum);
    // the same bytes every time, and every digest distinct in this image
    expect((await fetchBytes(`/admin/datastore/store1/download?${q}&file-name=drive-scsi0.img.fidx`)).bytes).toEqual(b);
    const digests = new Set<string>();
    for (let at = 4096; at < b.length; at += 32) digests.add(b.subarray(at, at + 32).toString('hex'));
    expect(digests.size).toBe((b.length - 4096) / 32);
  });

  it("serves a Windows guest's EFI disk with its one short chunk", async () => {
    const q = await newest('', 'vm', '104');
    const b = (await fetchBytes(`/admin/datastore/store1/download?${q}&file-name=drive-efidisk0.img.fidx`)).bytes;
    expect(u64(b, 64)).toBe(540672);
    expect(b.length).toBe(4096 + 32);
  });

  it('serves a container archive as a dynamic index with chunks of 1 to 16 MiB', async () => {
    const q = await newest('', 'ct', '110');
    const b = (await fetchBytes(`/admin/datastore/store1/download?${q}&file-name=root.pxar.didx`)).bytes;
    const entry = await manifestEntry(q, 'root.pxar.didx');
    expect([...b.subarray(0, 8)]).toEqual([28, 145, 78, 165, 25, 186, 179, 205]);
    expect(b.subarray(64, 4096).every((x) => x === 0)).toBe(true);
    expect((b.length - 4096) % 40).toBe(0);
    const sizes: number[] = [];
    let previous = 0;
    for (let at = 4096; at < b.length; at += 40) {
      const end = u64(b, at);
      sizes.push(end - previous);
      previous = end;
    }
    expect(previous).toBe(entry.size);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MiB);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16 * MiB);
    // sizes spread as a chunker's do: many near the minimum, some several times the average
    expect(sizes.filter((s) => s < 2 * MiB).length).toBeGreaterThan(sizes.length / 5);
    expect(Math.max(...sizes)).toBeGreaterThan(8 * MiB);
    expect(entry.csum).toBe(createHash('sha256').update(b.subarray(4096)).digest('hex'));

    const cat = (await fetchBytes(`/admin/datastore/store1/download?${q}&file-name=catalog.pcat1.didx`)).bytes;
    const ends = Array.from({ length: (cat.length - 4096) / 40 }, (_, i) => u64(cat, 4096 + i * 40));
    const catSizes = ends.map((e, i) => e - (ends[i - 1] ?? 0));
    expect(Math.min(...catSizes)).toBeGreaterThanOrEqual(128 * 1024);
    expect(Math.max(...catSizes)).toBeLessThanOrEqual(2 * MiB);
  });

  it("refuses as PBS does: missing privileges, another's group, a file or snapshot that is not there", async () => {
    const q = await newest('', 'vm', '104');
    const audit = await login('audit@pbs');
    const url = `/admin/datastore/store1/download?${q}&file-name=drive-scsi0.img.fidx`;
    expect(await call('GET', url, { session: audit }).then((r) => [r.status, r.text])).toEqual([
      403,
      'permission check failed - missing Datastore.Read|Datastore.Backup on /datastore/store1',
    ]);
    const client = await login('client@pbs');
    expect(await call('GET', url, { session: client }).then((r) => [r.status, r.text])).toEqual([
      400,
      'backup owner check failed (client@pbs != root@pam)',
    ]);
    const none = 'File open failed: No such file or directory (os error 2)';
    for (const path of [
      `/admin/datastore/store1/download?${q}&file-name=drive-scsi1.img.fidx`,
      `/admin/datastore/store1/download?${q.replace(/backup-time=\d+/, 'backup-time=1700000000')}&file-name=drive-scsi0.img.fidx`,
      `/admin/datastore/store1/download?${q.replace(/backup-time=\d+/, 'backup-time=1700000000')}&file-name=index.json.blob`,
    ]) {
      expect(await call('GET', path, { session: admin }).then((r) => [r.status, r.text])).toEqual([400, none]);
    }
  });
});
