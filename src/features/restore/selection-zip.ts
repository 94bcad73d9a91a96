import { makeZip } from 'client-zip';
import { catalogBaseName, relativeCatalogPath } from '@/lib/catalog-path';
import { isDir, type FileEntry } from './entry';

/** One entry of the zip: a file to fetch, or a directory (kept so empty ones survive). */
export interface ZipItem {
  name: string;
  path: string;
  dir: boolean;
  size?: number;
  mtime?: number;
}

export type ListDir = (path: string, signal: AbortSignal) => Promise<FileEntry[]>;
export type OpenFile = (path: string, signal: AbortSignal) => Promise<ReadableStream<Uint8Array>>;

/** The deepest directory that holds every path (the names inside the zip are relative to it). */
export function commonParent(paths: readonly string[]): string {
  const split = paths.map((p) => p.split('/').slice(0, -1));
  const first = split[0] ?? [];
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join('/') || '/';
}

/*
 * A directory in the selection becomes its entries, found by walking the catalog (a few listings at
 * a time). Fetching PBS's zip of the folder and re-packing it would mean inflating a deflated stream
 * whose sizes only its end tells; the catalog gives names, sizes and times up front, so the total is
 * known before the first byte and each file streams straight into the zip. Like PBS's own zip, only
 * directories, files and hard links go in; symlinks and special files are counted as skipped.
 */
export async function collectZipItems(
  selected: readonly FileEntry[],
  listDir: ListDir,
  signal: AbortSignal,
  concurrency = 4,
): Promise<{ items: ZipItem[]; skipped: number }> {
  const base = commonParent(selected.map((e) => e.path));
  const items: ZipItem[] = [];
  let skipped = 0;
  const add = (e: FileEntry) => {
    if (isDir(e) || e.type === 'f' || e.type === 'h') {
      items.push({
        name: relativeCatalogPath(e.path, base) || catalogBaseName(e.path),
        path: e.path,
        dir: isDir(e),
        size: e.size,
        mtime: e.mtime,
      });
    } else skipped++;
  };
  const queue: string[] = [];
  for (const e of selected) {
    add(e);
    if (isDir(e)) queue.push(e.path);
  }
  const worker = async () => {
    for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) {
      for (const child of await listDir(dir, signal)) {
        add(child);
        if (isDir(child)) queue.push(child.path);
      }
    }
  };
  // Workers finish when the queue is empty while others may still add to it: repeat until none do.
  while (queue.length > 0) {
    signal.throwIfAborted();
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  }
  items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { items, skipped };
}

/** The zip (stored, not compressed: most of what is restored is compressed already) as a stream. */
export function zipStream(
  items: readonly ZipItem[],
  openFile: OpenFile,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  async function* entries() {
    for (const item of items) {
      signal.throwIfAborted();
      const lastModified = item.mtime !== undefined ? new Date(item.mtime * 1000) : undefined;
      if (item.dir) yield { name: `${item.name}/`, lastModified };
      else yield { name: item.name, lastModified, input: await openFile(item.path, signal) };
    }
  }
  return makeZip(entries());
}

export function totalSize(items: readonly ZipItem[]): number {
  return items.reduce((sum, i) => sum + (i.size ?? 0), 0);
}
