// Builds a FileNode tree from path-wise additions: missing parent directories appear on the way, children end up
// sorted by name bytes (pxar order), directory mtimes follow their newest entry.
import type { Content, FileNode } from './file-tree';

export class TreeBuilder {
  readonly root: FileNode;

  constructor(private readonly baseTime: number) {
    this.root = { name: '', path: '/', type: 'd', mode: 0o755, mtime: baseTime, size: 0, children: [] };
  }

  dir(path: string, mode = 0o755, mtime = this.baseTime): FileNode {
    let node = this.root;
    for (const part of path.split('/').filter(Boolean)) {
      let next = node.children!.find((c) => c.name === part);
      if (!next) {
        next = { name: part, path: join(node.path, part), type: 'd', mode, mtime, size: 0, children: [] };
        node.children!.push(next);
      }
      node = next;
    }
    return node;
  }

  file(path: string, size: number, content: Content, mtime: number, mode = 0o644): void {
    this.add(path, { type: 'f', mode, mtime, size, content });
  }

  /** a file whose bytes are the given text */
  text(path: string, text: string, mtime: number, mode = 0o644): void {
    this.file(path, text.length, { kind: 'fixed', text }, mtime, mode);
  }

  symlink(path: string, target: string, mtime = this.baseTime): void {
    this.add(path, { type: 'l', mode: 0o777, mtime, size: 0, target });
  }

  /** `target` must be an archive-absolute path of a regular file that sorts before `path` (pxar's rule) */
  hardlink(path: string, target: string): void {
    this.add(path, { type: 'h', mode: 0o755, mtime: this.baseTime, size: 0, target });
  }

  finish(): FileNode {
    settle(this.root);
    return this.root;
  }

  private add(path: string, entry: Omit<FileNode, 'name' | 'path'>): void {
    const i = path.lastIndexOf('/');
    const parent = this.dir(path.slice(0, Math.max(0, i)));
    const name = path.slice(i + 1);
    const existing = parent.children!.findIndex((c) => c.name === name);
    const node: FileNode = { name, path: join(parent.path, name), ...entry };
    if (existing >= 0) parent.children![existing] = node;
    else parent.children!.push(node);
  }
}

const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);

const byBytes = (a: FileNode, b: FileNode) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function settle(dir: FileNode): number {
  dir.children!.sort(byBytes);
  let newest = dir.mtime;
  for (const c of dir.children!) newest = Math.max(newest, c.children ? settle(c) : c.mtime);
  dir.mtime = newest;
  return newest;
}

/** An entry written into an archive after its tree was built from the seed: a file, or a directory with one file. */
export interface AddedEntry {
  /** archive-absolute path of the entry */
  path: string;
  kind: 'file' | 'directory';
  mtime: number;
}

const ADDED_TEXT = 'written by another machine\n';

/**
 * `root` with `entries` added: every directory on their way is a copy, so the cached tree others share stays as it
 * was; children keep pxar order.
 */
export function withEntries(root: FileNode, entries: readonly AddedEntry[]): FileNode {
  const copies = new Set<FileNode>();
  const copy = (n: FileNode): FileNode => {
    const c = { ...n, children: [...(n.children ?? [])] };
    copies.add(c);
    return c;
  };
  const top = copy(root);
  for (const e of entries) {
    const parts = e.path.split('/').filter(Boolean);
    const name = parts.pop();
    if (name === undefined) continue;
    let dir = top;
    for (const part of parts) {
      const i = dir.children!.findIndex((c) => c.name === part);
      const found = dir.children![i];
      let next: FileNode;
      if (found?.children) next = copies.has(found) ? found : copy(found);
      else next = copy({ name: part, path: join(dir.path, part), type: 'd', mode: 0o755, mtime: e.mtime, size: 0 });
      if (i >= 0) dir.children![i] = next;
      else {
        dir.children!.push(next);
        dir.children!.sort(byBytes);
      }
      dir = next;
    }
    const path = join(dir.path, name);
    const file: FileNode = {
      name,
      path,
      type: 'f',
      mode: 0o644,
      mtime: e.mtime,
      size: ADDED_TEXT.length,
      content: { kind: 'fixed', text: ADDED_TEXT },
    };
    const node: FileNode =
      e.kind === 'file'
        ? file
        : {
            name,
            path,
            type: 'd',
            mode: 0o755,
            mtime: e.mtime,
            size: 0,
            children: [{ ...file, name: 'inside.txt', path: join(path, 'inside.txt') }],
          };
    dir.children = [...dir.children!.filter((c) => c.name !== name), node].sort(byBytes);
  }
  return top;
}
