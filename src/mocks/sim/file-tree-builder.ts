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
