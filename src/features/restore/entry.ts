import type { CatalogEntry } from '@/api/schemas/restore';
import { decodeCatalogPath } from '@/lib/catalog-path';

/** A catalog entry with its path decoded; what the browser, the search and the downloads work with. */
export interface FileEntry {
  path: string;
  name: string;
  /** PBS's pxar type letter: d, f, h, l, b, c, p, s (v for the virtual top level) */
  type: string;
  size?: number;
  mtime?: number;
}

/** PBS's catalog drops the leading '/' below the top level (`root.pxar.didx/etc`); the browser keeps it. */
export function toFileEntry(e: CatalogEntry): FileEntry {
  const path = decodeCatalogPath(e.filepath);
  return {
    path: path.startsWith('/') ? path : `/${path}`,
    name: e.text,
    type: e.type,
    ...(e.size != null && { size: e.size }),
    ...(e.mtime != null && { mtime: e.mtime }),
  };
}

export const isDir = (e: { type: string }) => e.type === 'd';
/** PBS streams regular files and hardlinks (following the link) as themselves, directories packed. */
export const isDownloadable = (e: { type: string }) => e.type === 'f' || e.type === 'h' || e.type === 'd';

const TYPE_LABEL: Record<string, string> = {
  d: 'Directory',
  f: 'File',
  l: 'Symbolic link',
  h: 'Hard link',
  b: 'Block device',
  c: 'Character device',
  p: 'FIFO',
  s: 'Socket',
  v: 'Archive',
};

export function typeLabel(type: string): string {
  return TYPE_LABEL[type] ?? `Unknown (${type})`;
}
