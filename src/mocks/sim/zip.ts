// A streaming zip writer with stored (uncompressed) entries, as `unzip` and every desktop reads them: local
// headers with the CRC known up front (contents are made before their header), Unix modes and an extended
// timestamp, then the central directory. Directories end in "/"; symlinks are left out, as PBS's zip does.
import type { ArchiveEntry } from './tar';
import { concatAll } from './zstd-raw';

const enc = new TextEncoder();

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function dosTime(epoch: number): [time: number, date: number] {
  const d = new Date(Math.max(epoch, 315532800) * 1000);
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return [time, date];
}

interface Written {
  name: Uint8Array;
  crc: number;
  size: number;
  offset: number;
  mode: number;
  mtime: number;
  dir: boolean;
}

function record(size: number, fill: (v: DataView) => void): Uint8Array {
  const out = new Uint8Array(size);
  fill(new DataView(out.buffer));
  return out;
}

function timestampExtra(mtime: number): Uint8Array {
  return record(9, (v) => {
    v.setUint16(0, 0x5455, true);
    v.setUint16(2, 5, true);
    v.setUint8(4, 1);
    v.setUint32(5, Math.max(0, mtime) >>> 0, true);
  });
}

function localHeader(w: Written): Uint8Array {
  const [time, date] = dosTime(w.mtime);
  const head = record(30, (v) => {
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 0x0800, true); // UTF-8 names
    v.setUint16(8, 0, true); // stored
    v.setUint16(10, time, true);
    v.setUint16(12, date, true);
    v.setUint32(14, w.crc, true);
    v.setUint32(18, w.size, true);
    v.setUint32(22, w.size, true);
    v.setUint16(26, w.name.length, true);
    v.setUint16(28, 9, true);
  });
  return concatAll([head, w.name, timestampExtra(w.mtime)]);
}

function centralHeader(w: Written): Uint8Array {
  const [time, date] = dosTime(w.mtime);
  const unixMode = (w.dir ? 0o040000 : 0o100000) | (w.mode & 0o7777);
  const head = record(46, (v) => {
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, (3 << 8) | 20, true); // made by Unix
    v.setUint16(6, 20, true);
    v.setUint16(8, 0x0800, true);
    v.setUint16(10, 0, true);
    v.setUint16(12, time, true);
    v.setUint16(14, date, true);
    v.setUint32(16, w.crc, true);
    v.setUint32(20, w.size, true);
    v.setUint32(24, w.size, true);
    v.setUint16(28, w.name.length, true);
    v.setUint16(30, 9, true);
    v.setUint32(38, ((unixMode << 16) | (w.dir ? 0x10 : 0)) >>> 0, true);
    v.setUint32(42, w.offset, true);
  });
  return concatAll([head, w.name, timestampExtra(w.mtime)]);
}

/** A zip stream over the entries (symlinks and hardlink entries without bytes are skipped). */
export function zipStream(entries: Iterable<ArchiveEntry>): ReadableStream<Uint8Array> {
  const it = entries[Symbol.iterator]();
  const written: Written[] = [];
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        for (;;) {
          const next = it.next();
          if (next.done) break;
          const e = next.value;
          if (e.type === 'symlink' || (e.type === 'hardlink' && !e.bytes)) continue;
          const dir = e.type === 'dir';
          const data = dir || !e.bytes ? new Uint8Array(0) : e.bytes();
          const w: Written = {
            name: enc.encode(dir ? `${e.path}/` : e.path),
            crc: crc32(data),
            size: data.length,
            offset,
            mode: e.mode,
            mtime: e.mtime,
            dir,
          };
          written.push(w);
          const chunk = concatAll([localHeader(w), data]);
          offset += chunk.length;
          controller.enqueue(chunk);
          return;
        }
        const central = concatAll(written.map(centralHeader));
        const end = record(22, (v) => {
          v.setUint32(0, 0x06054b50, true);
          v.setUint16(8, written.length, true);
          v.setUint16(10, written.length, true);
          v.setUint32(12, central.length, true);
          v.setUint32(16, offset, true);
        });
        controller.enqueue(concatAll([central, end]));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}
