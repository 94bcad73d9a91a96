import { predictLength } from 'client-zip';
import type { FileEntry } from './entry';
import { collectZipItems, commonParent, zipStream, type ListDir, type OpenFile } from './selection-zip';
import { readZip } from './testing/read-zip';

// a small archive: what the catalog lists per directory, and each file's bytes
const tree: Record<string, FileEntry[]> = {
  '/r.pxar.didx/etc': [
    { path: '/r.pxar.didx/etc/hosts', name: 'hosts', type: 'f', size: 9, mtime: 1_700_000_000 },
    { path: '/r.pxar.didx/etc/ssh', name: 'ssh', type: 'd' },
    { path: '/r.pxar.didx/etc/mtab', name: 'mtab', type: 'l' },
    { path: '/r.pxar.didx/etc/empty', name: 'empty', type: 'd' },
  ],
  '/r.pxar.didx/etc/ssh': [
    { path: '/r.pxar.didx/etc/ssh/sshd_config', name: 'sshd_config', type: 'f', size: 11, mtime: 1_700_000_100 },
    { path: '/r.pxar.didx/etc/ssh/moduli.lnk', name: 'moduli.lnk', type: 'h' },
  ],
  '/r.pxar.didx/etc/empty': [],
};
const bytes: Record<string, string> = {
  '/r.pxar.didx/etc/hosts': '127.0.0.1',
  '/r.pxar.didx/etc/ssh/sshd_config': 'Port 22\nÜ\n',
  '/r.pxar.didx/etc/ssh/moduli.lnk': 'same as moduli',
  '/r.pxar.didx/var/log/syslog': 'Dec  1 boot',
};
const listed: string[] = [];
const listDir: ListDir = async (path) => {
  listed.push(path);
  const entries = tree[path];
  if (!entries) throw new Error(`no directory ${path}`);
  return entries;
};
const openFile: OpenFile = async (path) =>
  new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(bytes[path] ?? ''));
      c.close();
    },
  });

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('zipping a selection', () => {
  it('names entries relative to the deepest directory holding them all', () => {
    expect(commonParent(['/r.pxar.didx/etc/hosts', '/r.pxar.didx/etc/ssh'])).toBe('/r.pxar.didx/etc');
    expect(commonParent(['/r.pxar.didx/etc/ssh/sshd_config', '/r.pxar.didx/var/log'])).toBe('/r.pxar.didx');
    expect(commonParent(['/etc/hosts'])).toBe('/etc');
    expect(commonParent(['/etc', '/var'])).toBe('/');
  });

  it('walks selected folders through the catalog and packs files, hard links and folders, not symlinks', async () => {
    listed.length = 0;
    const selected: FileEntry[] = [
      { path: '/r.pxar.didx/etc', name: 'etc', type: 'd' },
      { path: '/r.pxar.didx/var/log/syslog', name: 'syslog', type: 'f', size: 11 },
    ];
    const { items, skipped } = await collectZipItems(selected, listDir, new AbortController().signal, 2);
    expect(skipped).toBe(1);
    expect(new Set(listed)).toEqual(new Set(['/r.pxar.didx/etc', '/r.pxar.didx/etc/ssh', '/r.pxar.didx/etc/empty']));
    expect(items.map((i) => i.name)).toEqual([
      'etc',
      'etc/empty',
      'etc/hosts',
      'etc/ssh',
      'etc/ssh/moduli.lnk',
      'etc/ssh/sshd_config',
      'var/log/syslog',
    ]);

    const zip = await readAll(zipStream(items, openFile, new AbortController().signal));
    const read = readZip(zip);
    expect(read.map((e) => e.name)).toEqual([
      'etc/',
      'etc/empty/',
      'etc/hosts',
      'etc/ssh/',
      'etc/ssh/moduli.lnk',
      'etc/ssh/sshd_config',
      'var/log/syslog',
    ]);
    const text = (name: string) => new TextDecoder().decode(read.find((e) => e.name === name)?.data);
    expect(text('etc/hosts')).toBe('127.0.0.1');
    expect(text('etc/ssh/sshd_config')).toBe('Port 22\nÜ\n');
    expect(text('var/log/syslog')).toBe('Dec  1 boot');
    expect(read.every((e) => e.method === 0)).toBe(true);
  });

  it('predicts the zip size exactly from the catalog sizes', async () => {
    const selected: FileEntry[] = [
      { path: '/r.pxar.didx/etc/hosts', name: 'hosts', type: 'f', size: 9 },
      { path: '/r.pxar.didx/etc/ssh', name: 'ssh', type: 'd' },
    ];
    const { items } = await collectZipItems(selected, listDir, new AbortController().signal);
    const withSizes = items.map((i) => ({
      ...i,
      size: i.size ?? new TextEncoder().encode(bytes[i.path] ?? '').length,
    }));
    const zip = await readAll(zipStream(withSizes, openFile, new AbortController().signal));
    const predicted = predictLength(
      withSizes.map((i) => (i.dir ? { name: `${i.name}/` } : { name: i.name, size: i.size })),
    );
    expect(zip.length).toBe(Number(predicted));
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      collectZipItems([{ path: '/r.pxar.didx/etc', name: 'etc', type: 'd' }], listDir, controller.signal),
    ).rejects.toThrow();
  });
});
