// A streaming tar writer (POSIX ustar, with a pax header for paths that do not fit): directories, regular files,
// symlinks and hardlinks, as PBS's tar download holds them.
import { concatAll } from './zstd-raw';

export interface ArchiveEntry {
  /** relative path, no leading "/"; directories without a trailing "/" */
  path: string;
  type: 'dir' | 'file' | 'symlink' | 'hardlink';
  mode: number;
  /** epoch seconds */
  mtime: number;
  /** symlink text, or the path (relative, as `path`) a hardlink points to */
  link?: string;
  /** regular files: the bytes, made when the entry is written */
  bytes?: () => Uint8Array;
}

const BLOCK = 512;
const enc = new TextEncoder();

function octal(buf: Uint8Array, off: number, len: number, value: number): void {
  const s = value.toString(8).padStart(len - 1, '0');
  buf.set(enc.encode(s), off);
}

function header(name: string, size: number, flag: string, e: ArchiveEntry, prefix = '', link = ''): Uint8Array {
  const h = new Uint8Array(BLOCK);
  h.set(enc.encode(name).subarray(0, 100), 0);
  octal(h, 100, 8, e.mode & 0o7777);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, Math.max(0, Math.floor(e.mtime)));
  h.set(enc.encode('        '), 148);
  h[156] = flag.charCodeAt(0);
  h.set(enc.encode(link).subarray(0, 100), 157);
  h.set(enc.encode('ustar\x0000'), 257);
  h.set(enc.encode('root'), 265);
  h.set(enc.encode('root'), 297);
  h.set(enc.encode(prefix).subarray(0, 155), 345);
  let sum = 0;
  for (const b of h) sum += b;
  h.set(enc.encode(`${sum.toString(8).padStart(6, '0')}\x00 `), 148);
  return h;
}

/** name and prefix fields for a path, or null when it needs a pax header */
function split(path: string): [string, string] | null {
  if (enc.encode(path).length <= 100) return [path, ''];
  for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (enc.encode(prefix).length <= 155 && enc.encode(name).length <= 100 && name) return [name, prefix];
  }
  return null;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let n = enc.encode(body).length + 1;
  while (String(n).length + enc.encode(body).length !== n) n++;
  return `${n}${body}`;
}

const pad = (n: number) => new Uint8Array((BLOCK - (n % BLOCK)) % BLOCK);

/** The blocks of one entry: pax header if needed, ustar header, contents, padding. */
export function tarEntry(e: ArchiveEntry): Uint8Array {
  const path = e.type === 'dir' ? `${e.path}/` : e.path;
  const flag = { dir: '5', file: '0', symlink: '2', hardlink: '1' }[e.type];
  const link = e.link ?? '';
  const parts: Uint8Array[] = [];
  const fits = split(path);
  let pax = '';
  if (!fits) pax += paxRecord('path', path);
  if (enc.encode(link).length > 100) pax += paxRecord('linkpath', link);
  if (pax) {
    const data = enc.encode(pax);
    parts.push(header('PaxHeaders/entry', data.length, 'x', e), data, pad(data.length));
  }
  const [name, prefix] = fits ?? [path.slice(-100), ''];
  const data = e.type === 'file' && e.bytes ? e.bytes() : new Uint8Array(0);
  parts.push(header(name, data.length, flag, e, prefix, link.slice(0, 100)), data, pad(data.length));
  return concatAll(parts);
}

/** A tar stream over the entries, made entry by entry as the reader pulls. */
export function tarStream(entries: Iterable<ArchiveEntry>): ReadableStream<Uint8Array> {
  const it = entries[Symbol.iterator]();
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = it.next();
        if (next.done) {
          controller.enqueue(new Uint8Array(2 * BLOCK));
          controller.close();
        } else {
          controller.enqueue(tarEntry(next.value));
        }
      },
    },
    { highWaterMark: 0 },
  );
}
