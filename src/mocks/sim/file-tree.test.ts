// The simulated file archives: deterministic per snapshot, believable Linux trees, contents made from
// (seed, path, size).
import {
  archiveBase,
  archiveTree,
  countEntries,
  listDir,
  lookupPath,
  resolveHardlink,
  walk,
  type FileNode,
} from './file-tree';
import { fileBytes } from './file-tree-content';
import { withEntries } from './file-tree-builder';

const T = 1_790_000_000;
const key = { seed: 1, type: 'ct' as const, id: '110', time: T, archive: 'root.pxar.didx' };
const files = (root: FileNode) => [...walk(root)].filter((n) => n.type === 'f');

describe('archive trees', () => {
  it('gives the same tree and bytes for the same snapshot, another for another seed', () => {
    const a = archiveTree(key);
    const b = archiveTree({ ...key, archive: 'root.mpxar.didx' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const other = archiveTree({ ...key, seed: 7 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(a));
    const passwd = lookupPath(a, '/etc/passwd')!;
    expect(Buffer.from(fileBytes(1, passwd)).equals(Buffer.from(fileBytes(1, { ...passwd })))).toBe(true);
    expect(archiveBase('root.ppxar.didx')).toBe('root');
  });

  it('changes logs between backups and keeps the installed files', () => {
    const before = archiveTree({ ...key, time: T - 86400 });
    const now = archiveTree(key);
    expect(lookupPath(now, 'etc/passwd')).toEqual(lookupPath(before, 'etc/passwd'));
    expect(lookupPath(now, 'var/log/syslog')!.mtime).toBeGreaterThan(lookupPath(before, 'var/log/syslog')!.mtime);
    expect(lookupPath(now, 'var/log/syslog')!.mtime).toBeLessThanOrEqual(T);
  });

  it('is a believable Linux tree: a few hundred entries, deep paths, links, mostly small files', () => {
    const root = archiveTree(key);
    const counts = countEntries(root);
    const total = counts.d + counts.f + counts.l + counts.h;
    expect(total).toBeGreaterThan(80);
    expect(total).toBeLessThan(400);
    expect(counts.l).toBeGreaterThan(1);
    expect(counts.h).toBe(1);
    expect(listDir(root)!.map((n) => n.name)).toEqual(expect.arrayContaining(['etc', 'home', 'usr', 'var', 'srv']));
    expect(Math.max(...[...walk(root)].map((n) => n.path.split('/').length - 1))).toBeGreaterThanOrEqual(5);
    const sizes = files(root)
      .map((n) => n.size)
      .sort((x, y) => x - y);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThan(64 * 1024);
    expect(sizes.at(-1)).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(lookupPath(root, 'bin')).toMatchObject({ type: 'l', target: 'usr/bin' });
    expect(lookupPath(root, 'etc/os-release')).toMatchObject({ type: 'l', target: '../usr/lib/os-release' });
    const perl = lookupPath(root, 'usr/bin/perl5.36.0')!;
    expect(resolveHardlink(root, perl)).toBe(lookupPath(root, 'usr/bin/perl'));
  });

  it('makes text files readable text and binary ones start with their magic, all of their size', () => {
    const root = archiveTree(key);
    for (const n of files(root).filter((f) => f.size < 512 * 1024)) expect(fileBytes(1, n).length).toBe(n.size);
    const log = new TextDecoder().decode(fileBytes(1, lookupPath(root, 'var/log/auth.log')!));
    expect(log).toMatch(/^[\x20-\x7e\n]+$/);
    expect(log.endsWith('\n')).toBe(true);
    const pdf = files(root).find((n) => n.name.endsWith('.pdf'))!;
    expect(new TextDecoder().decode(fileBytes(1, pdf).subarray(0, 8))).toBe('%PDF-1.7');
    expect(new TextDecoder().decode(fileBytes(1, lookupPath(root, 'usr/lib/os-release')!))).toMatch(
      /^PRETTY_NAME="Debian/,
    );
  });

  it('roots another archive of a host backup at that directory', () => {
    const etc = archiveTree({ ...key, type: 'host', id: 'pve1', archive: 'etc.pxar.didx' });
    expect(etc.path).toBe('/');
    expect(lookupPath(etc, 'hostname')).toMatchObject({ path: '/hostname', type: 'f' });
  });
});

describe('entries added to an archive', () => {
  it('appear in name order in a copy of the tree; the shared tree stays as it was', () => {
    const base = archiveTree(key);
    const before = JSON.stringify(base);
    const tree = withEntries(base, [
      { path: '/<b>.txt', kind: 'file', mtime: T },
      { path: '/etc/"q"', kind: 'directory', mtime: T },
      { path: '/new/deep.txt', kind: 'file', mtime: T },
    ]);
    expect(JSON.stringify(base)).toBe(before);
    const names = listDir(tree)!.map((n) => n.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['<b>.txt', 'new', 'etc']));
    expect(lookupPath(tree, '/etc/"q"/inside.txt')?.path).toBe('/etc/"q"/inside.txt');
    expect(lookupPath(tree, '/new/deep.txt')?.type).toBe('f');
    expect(lookupPath(tree, '/etc/passwd')).toBe(lookupPath(base, '/etc/passwd'));
    expect(lookupPath(base, '/new')).toBeNull();
  });
});
