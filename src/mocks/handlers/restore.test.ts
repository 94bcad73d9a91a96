// Single-file restore through the API: the catalog of a CT's file archive (and of a split archive with
// archive-name), file bytes, directories as zip and tar.zst read back with unzip and tar, and PBS's refusals.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestServer } from '../node';
import type { CatalogEntry } from './restore';
import { call, login, BASE, type Session } from './test-client';

const T0 = 1_790_000_000;
const t = createTestServer({ startTime: T0, speed: 0, historyDays: 3 });
const D = '/admin/datastore/store1';
const b64 = (s: string) => Buffer.from(s).toString('base64');
let admin: Session;
let audit: Session;
let owner: Session;

const last = (ns: string, type: string, id: string) =>
  t.sim.listSnapshots('store1', ns, type as 'ct', id)[0]!['backup-time'];
const snap = (ns: string, type: string, id: string) =>
  `${ns ? `ns=${encodeURIComponent(ns)}&` : ''}backup-type=${type}&backup-id=${id}&backup-time=${last(ns, type, id)}`;
const catalog = async (q: string, filepath: string, session = admin) =>
  call('GET', `${D}/catalog?${q}&filepath=${encodeURIComponent(filepath)}`, { session });
const list = async (q: string, filepath: string) => (await catalog(q, filepath)).json!.data as CatalogEntry[];

async function download(
  q: string,
  filepath: string,
  extra = '',
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(
    `${BASE}/api2/json${D}/pxar-file-download?${q}&filepath=${encodeURIComponent(filepath)}${extra}`,
    {
      headers: { Cookie: `PBSAuthCookie=${encodeURIComponent(admin.ticket)}` },
    },
  );
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  t.server.listen({ onUnhandledRequest: 'error' });
  // a backup client's user: Datastore.Backup on the datastore, owner of ct/110 only
  t.host.auth.addUser({ userid: 'client@pbs', password: 'demo', enable: true, expire: 0 });
  t.host.auth.addAcl({ path: '/datastore/store1', ugid: 'client@pbs', roleid: 'DatastoreBackup', propagate: true });
  t.sim.changeOwner('store1', '', 'ct', '110', 'client@pbs');
  [admin, audit, owner] = await Promise.all([login('root@pam'), login('audit@pbs'), login('client@pbs')]);
}, 60_000);
afterAll(() => t.server.close());

describe('catalog', () => {
  it('lists the archives at the top, then directories as "<archive>/<path>" with PBS fields', async () => {
    const q = snap('', 'ct', '110');
    const top = await list(q, 'root');
    expect(top).toEqual([{ filepath: b64('/root.pxar.didx'), text: 'root.pxar.didx', type: 'd', leaf: false }]);
    expect(await list(q, '/')).toEqual(top);
    const root = await list(q, top[0]!.filepath);
    expect(root.find((e) => e.text === 'etc')).toEqual({
      filepath: b64('root.pxar.didx/etc'),
      text: 'etc',
      type: 'd',
      leaf: false,
    });
    expect(root.find((e) => e.text === 'bin')).toEqual({
      filepath: b64('root.pxar.didx/bin'),
      text: 'bin',
      type: 'l',
      leaf: true,
    });
    const etc = await list(q, b64('root.pxar.didx/etc'));
    const hostname = etc.find((e) => e.text === 'hostname')!;
    expect(hostname).toMatchObject({ filepath: b64('root.pxar.didx/etc/hostname'), type: 'f', leaf: true });
    expect(hostname.size).toBe((await download(q, b64('/root.pxar.didx/etc/hostname'))).bytes.length);
    expect(hostname.mtime).toBeLessThanOrEqual(last('', 'ct', '110'));
    expect(Object.keys(hostname)).toEqual(['filepath', 'text', 'type', 'leaf', 'size', 'mtime']);
    expect(etc.map((e) => e.text)).toEqual([...etc.map((e) => e.text)].sort());
  });

  it('reaches at least four levels down, the same tree every time', async () => {
    const q = snap('', 'ct', '110');
    const home = await list(q, b64('root.pxar.didx/home'));
    const user = home[0]!.text;
    const reports = await list(q, b64(`root.pxar.didx/home/${user}/documents/reports`));
    const year = reports.at(-1)!.text;
    const pdfs = await list(q, b64(`root.pxar.didx/home/${user}/documents/reports/${year}`));
    expect(pdfs.length).toBeGreaterThan(0);
    expect(pdfs.every((e) => e.type === 'f' && /^report-\d{4}-\d{2}\.pdf$/.test(e.text))).toBe(true);
    expect(await list(q, b64(`root.pxar.didx/home/${user}/documents/reports/${year}`))).toEqual(pdfs);
  });

  it('answers unknown paths, listing a file and bad base64 with PBS texts', async () => {
    const q = snap('', 'ct', '110');
    const missing = await catalog(q, b64('root.pxar.didx/nope'));
    expect([missing.status, missing.text]).toEqual([400, 'path "root.pxar.didx/nope" not found in catalog']);
    const file = await catalog(q, b64('root.pxar.didx/etc/hostname'));
    expect([file.status, file.text]).toEqual([400, 'parent is not a directory - internal error']);
    const bad = await catalog(q, '!!!!');
    expect([bad.status, bad.text]).toEqual([400, 'base64 decoding of path failed - Invalid symbol 33, offset 0.']);
  });

  it('has no catalog for a split archive or a VM; archive-name reads the metadata archive itself', async () => {
    const split = snap('', 'ct', '111');
    const r = await catalog(split, 'root');
    expect(r.status).toBe(400);
    expect(r.text).toBe(
      `unable to read dynamic index '"/mnt/datastore/store1/ct/111/${new Date(last('', 'ct', '111') * 1000).toISOString().replace('.000', '')}/catalog.pcat1.didx"' - No such file or directory (os error 2)`,
    );
    const vm = await catalog(snap('', 'vm', '100'), 'root');
    expect(vm.text).toMatch(
      /^unable to read dynamic index '"\/mnt\/datastore\/store1\/vm\/100\/.*\/catalog\.pcat1\.didx"' - No such file or directory \(os error 2\)$/,
    );
    const top = await list(`${split}&archive-name=root.mpxar.didx`, 'root');
    expect(top.find((e) => e.text === 'etc')).toEqual({ filepath: b64('/etc'), text: 'etc', type: 'd', leaf: false });
    const etc = await list(`${split}&archive-name=root.mpxar.didx`, b64('/etc'));
    expect(etc.find((e) => e.text === 'hostname')).toMatchObject({
      filepath: b64('/etc/hostname'),
      type: 'f',
      leaf: true,
    });
    const gone = await catalog(`${split}&archive-name=root.mpxar.didx`, b64('/nope'));
    expect(gone.text).toBe('lookup failed - error opening \'"/nope"\'');
  });

  it('refuses an encrypted catalog and checks Read, or Backup and ownership', async () => {
    const enc = await catalog(snap('prod/db', 'ct', '310'), 'root');
    expect([enc.status, enc.text]).toEqual([400, "cannot decode 'catalog.pcat1.didx' - is encrypted"]);
    const denied = await catalog(snap('', 'ct', '110'), 'root', audit);
    expect([denied.status, denied.text]).toEqual([
      403,
      'permission check failed - missing Datastore.Read|Datastore.Backup on /datastore/store1',
    ]);
    expect((await catalog(snap('', 'ct', '110'), 'root', owner)).status).toBe(200);
    const other = await catalog(snap('', 'ct', '112'), 'root', owner);
    expect(other.text).toBe('backup owner check failed (client@pbs != root@pam)');
  });
});

describe('pxar-file-download', () => {
  it('sends a file as raw bytes, streamed without a length, the same bytes every time', async () => {
    const q = snap('', 'ct', '110');
    const etc = await list(q, b64('root.pxar.didx/etc'));
    const a = await download(q, b64('/root.pxar.didx/etc/passwd'));
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toBe('application/octet-stream');
    expect(a.headers.get('content-length')).toBeNull();
    expect(a.bytes.toString()).toMatch(/^root:x:0:0:root:\/root:\/bin\/bash\n/);
    expect(a.bytes.length).toBe(etc.find((e) => e.text === 'passwd')!.size);
    expect((await download(q, b64('root.pxar.didx/etc/passwd'))).bytes.equals(a.bytes)).toBe(true);
    const split = await download(`${snap('', 'ct', '111')}&archive-name=root.mpxar.didx`, b64('/etc/hostname'));
    expect(split.bytes.toString()).toMatch(/^\w+111\n$/);
  });

  it('sends a directory as a zip that unzip accepts, and as a tar.zst that tar lists', async () => {
    const q = snap('', 'ct', '110');
    const dir = mkdtempSync(join(tmpdir(), 'restore-'));
    const zip = await download(q, b64('/root.pxar.didx/etc'));
    writeFileSync(join(dir, 'etc.zip'), zip.bytes);
    expect(execFileSync('unzip', ['-t', join(dir, 'etc.zip')]).toString()).toMatch(/No errors detected/);
    const names = execFileSync('unzip', ['-Z1', join(dir, 'etc.zip')])
      .toString()
      .split('\n');
    expect(names).toEqual(expect.arrayContaining(['etc/', 'etc/hostname', 'etc/ssh/sshd_config']));
    // symlinks are left out of zips, as PBS does
    expect(names).not.toContain('etc/localtime');
    const tar = await download(q, b64('/root.pxar.didx/usr'), '&tar=1');
    writeFileSync(join(dir, 'usr.tar.zst'), tar.bytes);
    const listing = execFileSync('tar', ['--zstd', '-tvf', join(dir, 'usr.tar.zst')]).toString();
    expect(listing).toMatch(/^lrwxrwxrwx root\/root +0 .* usr\/bin\/python3 -> python3\.11$/m);
    expect(listing).toMatch(/^hrwxr-xr-x root\/root +0 .* usr\/bin\/perl5\.36\.0 link to usr\/bin\/perl$/m);
    expect(listing).toMatch(/^-rwxr-xr-x root\/root +\d+ .* usr\/bin\/perl$/m);
  });

  it('refuses symlinks, unknown paths and encrypted archives with PBS texts', async () => {
    const q = snap('', 'ct', '110');
    const link = await download(q, b64('/root.pxar.didx/bin'));
    expect([link.status, link.bytes.toString()]).toEqual([
      400,
      'cannot download file of type Symlink(Symlink { data: [117, 115, 114, 47, 98, 105, 110] })',
    ]);
    const none = await download(q, b64('/root.pxar.didx/etc/nope'));
    expect(none.bytes.toString()).toBe('error opening \'"etc/nope"\'');
    const enc = await download(snap('prod/db', 'ct', '310'), b64('/root.pxar.didx/etc/hostname'));
    expect([enc.status, enc.bytes.toString()]).toEqual([400, "cannot decode 'root.pxar.didx' - is encrypted"]);
  });
});

describe('download-decoded', () => {
  it('streams a whole archive as bytes of its listed size; refuses encrypted files', async () => {
    const q = snap('', 'ct', '110');
    const files = (await call('GET', `${D}/files?${q}`, { session: admin })).json!.data as {
      filename: string;
      size: number;
    }[];
    const conf = files.find((f) => f.filename === 'pct.conf.blob')!;
    const res = await fetch(`${BASE}/api2/json${D}/download-decoded?${q}&file-name=pct.conf.blob`, {
      headers: { Cookie: `PBSAuthCookie=${encodeURIComponent(admin.ticket)}` },
    });
    expect(res.headers.get('content-length')).toBeNull();
    expect((await res.arrayBuffer()).byteLength).toBe(conf.size);
    const archive = await fetch(`${BASE}/api2/json${D}/download-decoded?${q}&file-name=root.pxar.didx`, {
      headers: { Cookie: `PBSAuthCookie=${encodeURIComponent(admin.ticket)}` },
    });
    // several GiB, made as they are read: the first chunk comes at once
    const reader = archive.body!.getReader();
    const first = await reader.read();
    expect(first.value!.length).toBe(256 * 1024);
    expect(archive.headers.get('content-length')).toBeNull();
    void reader.cancel();
    const enc = await call('GET', `${D}/download-decoded?${snap('prod/db', 'ct', '310')}&file-name=root.pxar.didx`, {
      session: admin,
    });
    expect([enc.status, enc.text]).toEqual([400, "cannot decode 'root.pxar.didx' - is encrypted"]);
  });
});
