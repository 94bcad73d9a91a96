// The file trees inside the simulator's file archives (root.pxar.didx, the split root.mpxar/ppxar pair, other
// *.pxar.didx of a host backup): built from the seed, the group and the archive's base name, with a little that
// changes per backup (logs, reports). The same snapshot always gives the same tree; contents are made lazily
// (file-tree-content.ts). Paths are archive-absolute, as pxar has them: "/etc/hostname", "/" for the root.
import { buildLinuxTree } from './file-tree-linux';
import type { BackupType } from './types';

/** catalog letters PBS uses for the entry kinds the simulator's archives hold */
export type EntryType = 'd' | 'f' | 'l' | 'h';

export type Content =
  | { kind: 'fixed'; text: string }
  | { kind: 'text'; style: 'log' | 'conf' | 'prose' | 'code' | 'csv' }
  | { kind: 'binary'; magic: string };

export interface FileNode {
  name: string;
  /** archive-absolute path: "/" for the root, "/etc/hostname" */
  path: string;
  type: EntryType;
  /** permission bits (no file type) */
  mode: number;
  /** epoch seconds */
  mtime: number;
  /** regular files: content bytes; 0 otherwise */
  size: number;
  /** symlink: the link text; hardlink: the archive-absolute path of the file it links to */
  target?: string;
  content?: Content;
  /** directories: entries in pxar order (sorted by name bytes) */
  children?: FileNode[];
}

export interface TreeKey {
  seed: number;
  type: BackupType;
  id: string;
  /** backup time (epoch s) */
  time: number;
  /** manifest file name: root.pxar.didx, root.mpxar.didx, root.ppxar.didx, etc.pxar.didx … */
  archive: string;
}

/** "root" of root.pxar.didx, root.mpxar.didx and root.ppxar.didx: the halves of a split archive share one tree. */
export function archiveBase(archive: string): string {
  return archive.replace(/\.(?:m|p)?pxar\.didx$/, '');
}

const cache = new Map<string, FileNode>();
const CACHE_MAX = 24;

export function archiveTree(key: TreeKey): FileNode {
  const k = `${key.seed}|${key.type}/${key.id}|${key.time}|${archiveBase(key.archive)}`;
  let tree = cache.get(k);
  if (tree) {
    cache.delete(k);
  } else {
    tree = buildLinuxTree(key.seed, key.type, key.id, key.time, archiveBase(key.archive));
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  }
  cache.set(k, tree);
  return tree;
}

/** The entry at `path` (leading "/" optional, "" and "/" are the root); symlinks are not followed. */
export function lookupPath(root: FileNode, path: string): FileNode | null {
  let node: FileNode | undefined = root;
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (!node?.children) return null;
    node = node.children.find((c) => c.name === part);
  }
  return node ?? null;
}

/** A directory's entries; null when `node` is not a directory. */
export function listDir(node: FileNode): FileNode[] | null {
  return node.children ?? null;
}

/** The regular file a hardlink stands for (itself for a regular file). */
export function resolveHardlink(root: FileNode, node: FileNode): FileNode | null {
  if (node.type !== 'h') return node;
  const target = lookupPath(root, node.target ?? '');
  return target?.type === 'f' ? target : null;
}

/** Every entry below `dir` (not `dir` itself), depth first in pxar order. */
export function* walk(dir: FileNode): Generator<FileNode> {
  for (const child of dir.children ?? []) {
    yield child;
    if (child.children) yield* walk(child);
  }
}

/** Entries of the tree, counted by kind (tests, and believable numbers in logs). */
export function countEntries(root: FileNode): Record<EntryType, number> {
  const out: Record<EntryType, number> = { d: 0, f: 0, l: 0, h: 0 };
  for (const n of walk(root)) out[n.type]++;
  return out;
}
