// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeIndexChecksum, readDynamicIndex, readFixedIndex, readIndexFile } from './pbs-index';
import { IndexFileError } from './pbs-index-header';
import { IndexStreamReader } from './pbs-index-stream';

const MiB = 2 ** 20;
const FIXED_MAGIC = [47, 127, 65, 237, 145, 253, 15, 205];
const DYNAMIC_MAGIC = [28, 145, 78, 165, 25, 186, 179, 205];
const UUID = '00112233445566778899aabbccddeeff';
const CTIME = 1717574401;

// The files below are laid out by hand, byte by byte, from pbs-formats.md §1–2.
function digestOf(label: string): Buffer {
  return createHash('sha256').update(label).digest();
}

function header(magic: number[]): Buffer {
  const h = Buffer.alloc(4096);
  h.set(magic, 0);
  h.set(Buffer.from(UUID, 'hex'), 8);
  h.writeBigInt64LE(BigInt(CTIME), 24);
  return h;
}

function sealed(head: Buffer, body: Buffer): Uint8Array {
  createHash('sha256').update(body).digest().copy(head, 32);
  return new Uint8Array(Buffer.concat([head, body]));
}

function fidx(size: number, digests: Buffer[], chunkSize = 4 * MiB): Uint8Array {
  const head = header(FIXED_MAGIC);
  head.writeBigUInt64LE(BigInt(size), 64);
  head.writeBigUInt64LE(BigInt(chunkSize), 72);
  return sealed(head, Buffer.concat(digests));
}

function didx(entries: [end: number, digest: Buffer][]): Uint8Array {
  const body = Buffer.alloc(40 * entries.length);
  entries.forEach(([end, digest], i) => {
    body.writeBigUInt64LE(BigInt(end), 40 * i);
    digest.copy(body, 40 * i + 8);
  });
  return sealed(header(DYNAMIC_MAGIC), body);
}

function chunksOf(data: Uint8Array): [string, number][] {
  const index = readIndexFile(data);
  const seen: [string, number][] = [];
  index.forEachChunk((bytes, at, size) => seen.push([Buffer.from(bytes.subarray(at, at + 32)).toString('hex'), size]));
  return seen;
}

function problemOf(run: () => unknown): [string, string] {
  try {
    run();
  } catch (err) {
    if (err instanceof IndexFileError) return [err.problem, err.message];
    throw err;
  }
  throw new Error('no error');
}

describe('fixed index', () => {
  it('reads the header: uuid, ctime, the checksum of the digests, size and chunk size', () => {
    const a = digestOf('a');
    const index = readFixedIndex(fidx(4 * MiB, [a]));
    expect(index.header.uuid).toBe(UUID);
    expect(index.header.ctime).toBe(CTIME);
    expect(index.header.csum).toBe(createHash('sha256').update(a).digest('hex'));
    expect([index.size, index.chunkSize, index.chunkCount, index.totalSize]).toEqual([4 * MiB, 4 * MiB, 1, 4 * MiB]);
    expect(index.digestHex(0)).toBe(a.toString('hex'));
    expect(Buffer.from(index.digest(0)).equals(a)).toBe(true);
  });

  it('the checksum computed over the digests matches the header, and a changed digest does not', async () => {
    const data = fidx(8 * MiB, [digestOf('a'), digestOf('b')]);
    expect(await computeIndexChecksum(data)).toBe(readIndexFile(data).header.csum);
    data[4096 + 40] = (data[4096 + 40] ?? 0) ^ 1;
    expect(await computeIndexChecksum(data)).not.toBe(readIndexFile(data).header.csum);
  });

  it('an empty image has no digests', () => {
    const index = readFixedIndex(fidx(0, []));
    expect([index.chunkCount, index.totalSize]).toEqual([0, 0]);
    expect(chunksOf(fidx(0, []))).toEqual([]);
  });

  it('the last chunk holds what is left of the image', () => {
    const ds = [digestOf('a'), digestOf('b'), digestOf('c')];
    expect(chunksOf(fidx(8 * MiB + 1000, ds))).toEqual([
      [ds[0]?.toString('hex'), 4 * MiB],
      [ds[1]?.toString('hex'), 4 * MiB],
      [ds[2]?.toString('hex'), 1000],
    ]);
  });

  it('a 1 TiB disk: 262,144 digests of 4 MiB chunks, read without a copy', () => {
    const count = 262144;
    const body = Buffer.alloc(32 * count);
    for (let i = 0; i < count; i++) body.writeUInt32BE(i, 32 * i + 28);
    const data = fidx(2 ** 40, [body]);
    const index = readFixedIndex(data);
    expect(index.chunkCount).toBe(count);
    let total = 0;
    let visited = 0;
    index.forEachChunk((bytes, _at, size, i) => {
      total += size;
      visited++;
      if (bytes !== data) throw new Error(`chunk ${i} was copied`);
    });
    expect([visited, total]).toEqual([count, 2 ** 40]);
    expect(index.digestHex(count - 1)).toBe('0'.repeat(56) + '0003ffff');
    expect(index.digest(count - 1).buffer).toBe(data.buffer);
  });

  it('also reads from an ArrayBuffer and from a view into a larger buffer', () => {
    const data = fidx(5, [digestOf('x')]);
    expect(readIndexFile(data.slice().buffer).totalSize).toBe(5);
    const padded = new Uint8Array(data.length + 7);
    padded.set(data, 3);
    expect(chunksOf(padded.subarray(3, 3 + data.length))).toEqual([[digestOf('x').toString('hex'), 5]]);
  });
});

describe('dynamic index', () => {
  it('reads chunk sizes from the cumulative end offsets', () => {
    const ds = ['p', 'q', 'r', 's'].map(digestOf);
    const ends = [MiB, MiB + 5, 17 * MiB + 5, 17 * MiB + 5 + 3 * MiB];
    const data = didx(ends.map((end, i) => [end, ds[i] ?? Buffer.alloc(32)]));
    const index = readDynamicIndex(data);
    expect([index.chunkCount, index.totalSize]).toEqual([4, 20 * MiB + 5]);
    expect(chunksOf(data).map(([, size]) => size)).toEqual([MiB, 5, 16 * MiB, 3 * MiB]);
    expect(index.digestHex(2)).toBe(ds[2]?.toString('hex'));
    expect(index.chunkEnd(3)).toBe(20 * MiB + 5);
    const body = Buffer.from(data.subarray(4096));
    expect(index.header.csum).toBe(createHash('sha256').update(body).digest('hex'));
    expect(index.header.size).toBeUndefined();
  });

  it('an empty archive has no entries', () => {
    const index = readDynamicIndex(didx([]));
    expect([index.kind, index.chunkCount, index.totalSize]).toEqual(['dynamic', 0, 0]);
  });

  it('one chunk', () => {
    expect(chunksOf(didx([[4242, digestOf('one')]]))).toEqual([[digestOf('one').toString('hex'), 4242]]);
  });
});

describe('files that are not readable indexes', () => {
  it('cut short: fewer than 8 bytes, inside the header, a missing digest, half an entry', () => {
    const whole = fidx(8 * MiB, [digestOf('a'), digestOf('b')]);
    expect(problemOf(() => readIndexFile(whole.subarray(0, 5), 'x.fidx'))).toEqual([
      'truncated',
      'x.fidx is cut short: only 5 bytes',
    ]);
    expect(problemOf(() => readIndexFile(whole.subarray(0, 100), 'x.fidx'))).toEqual([
      'truncated',
      'x.fidx is cut short: 100 bytes, its header alone is 4096',
    ]);
    expect(problemOf(() => readIndexFile(whole.subarray(0, 4096 + 40), 'drive-scsi0.img.fidx'))).toEqual([
      'truncated',
      'drive-scsi0.img.fidx is cut short: its image size needs 2 digests (64 bytes after the header), it has 40 bytes',
    ]);
    const dyn = didx([[10, digestOf('a')]]);
    expect(problemOf(() => readIndexFile(dyn.subarray(0, dyn.length - 1), 'root.pxar.didx'))).toEqual([
      'truncated',
      'root.pxar.didx is cut short: its last entry has 39 of 40 bytes',
    ]);
  });

  it('another PBS file or a text answer is named for what it is', () => {
    const blob = new Uint8Array([49, 185, 88, 66, 111, 182, 163, 127, 1, 2, 3, 4, 40, 181, 47, 253]);
    expect(problemOf(() => readIndexFile(blob, 'index.json.blob'))).toEqual([
      'foreign',
      'index.json.blob is not an index file: it is a zstd-compressed data blob (a .blob file)',
    ]);
    const catalog = new Uint8Array(5000);
    catalog.set([145, 253, 96, 249, 196, 103, 88, 213]);
    expect(problemOf(() => readIndexFile(catalog))[1]).toBe(
      'The index file is not an index file: it is a decoded file catalog, not its .didx index',
    );
    const json = new TextEncoder().encode('{"data":null,"message":"no such file"}');
    expect(problemOf(() => readIndexFile(json, 'a.didx'))).toEqual([
      'foreign',
      'a.didx is not an index file: it is JSON text (an API answer?)',
    ]);
  });

  it('an unknown magic number, or the other kind of index', () => {
    const data = fidx(4 * MiB, [digestOf('a')]);
    data[0] = 0;
    expect(problemOf(() => readIndexFile(data, 'a.fidx'))).toEqual([
      'magic',
      'a.fidx is not a PBS index file: unknown magic number 007f41ed91fd0fcd',
    ]);
    expect(problemOf(() => readDynamicIndex(fidx(1, [digestOf('a')]), 'a.didx'))).toEqual([
      'magic',
      'a.didx is a fixed (.fidx) index where a dynamic (.didx) index was expected',
    ]);
    expect(problemOf(() => readFixedIndex(didx([]), 'a.fidx'))[0]).toBe('magic');
  });

  it('impossible values: offsets going back, a chunk size not a power of two, digests beyond the image', () => {
    const back = didx([
      [100, digestOf('a')],
      [50, digestOf('b')],
    ]);
    expect(problemOf(() => readIndexFile(back, 'r.didx'))).toEqual([
      'corrupt',
      'r.didx is damaged: chunk 1 ends at 50, before chunk 0 (100)',
    ]);
    expect(problemOf(() => readIndexFile(fidx(3, [digestOf('a')], 3)))[0]).toBe('corrupt');
    expect(problemOf(() => readIndexFile(fidx(4, [digestOf('a'), digestOf('b')]), 'd.fidx'))).toEqual([
      'corrupt',
      'd.fidx is damaged: 32 bytes more than its image size needs',
    ]);
    const huge = didx([[1, digestOf('a')]]);
    huge[4096 + 7] = 1;
    expect(problemOf(() => readIndexFile(huge))[0]).toBe('corrupt');
  });

  it('errors are Errors a user can read', () => {
    const err = (() => {
      try {
        readIndexFile(new Uint8Array(3), 'x.fidx');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf(IndexFileError);
    expect((err as IndexFileError).fileName).toBe('x.fidx');
    expect((err as IndexFileError).name).toBe('IndexFileError');
  });
});

describe('streaming', () => {
  // A seeded split of the file into pieces of 1 to 97 bytes, and some large ones.
  function pieces(data: Uint8Array, seed: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    let s = seed;
    for (let at = 0; at < data.length;) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const len = s % 5 === 0 ? 5000 : 1 + (s % 97);
      out.push(data.subarray(at, at + len));
      at += len;
    }
    return out;
  }

  function streamed(data: Uint8Array, seed: number, name?: string): [string, number][] {
    const seen: [string, number][] = [];
    const reader = new IndexStreamReader((bytes, at, size) => {
      seen.push([Buffer.from(bytes.subarray(at, at + 32)).toString('hex'), size]);
    }, name);
    for (const piece of pieces(data, seed)) reader.feed(piece);
    reader.end();
    return seen;
  }

  it('gives the same chunks as the whole-file reader, however the bytes are split', () => {
    const fixed = fidx(9 * MiB + 7, [digestOf('a'), digestOf('b'), digestOf('c')]);
    const ends = Array.from({ length: 50 }, (_, i) => (i + 1) * 1000 + (i % 7));
    const dynamic = didx(ends.map((end, i) => [end, digestOf(`d${i}`)]));
    for (const seed of [1, 2, 3]) {
      expect(streamed(fixed, seed)).toEqual(chunksOf(fixed));
      expect(streamed(dynamic, seed)).toEqual(chunksOf(dynamic));
    }
  });

  it('reports the header, count and size at the end', () => {
    const reader = new IndexStreamReader(() => {});
    const data = didx([
      [7, digestOf('a')],
      [9, digestOf('b')],
    ]);
    reader.feed(data);
    expect(reader.end()).toMatchObject({ chunkCount: 2, totalSize: 9, header: { kind: 'dynamic', ctime: CTIME } });
  });

  it('refuses a foreign file at its first bytes, and a cut-short file at the end', () => {
    const reader = new IndexStreamReader(() => {}, 'qemu-server.conf.blob');
    expect(() => reader.feed(new Uint8Array([66, 171, 56, 7, 190, 131, 112, 161, 0, 0]))).toThrow(
      'qemu-server.conf.blob is not an index file: it is an uncompressed data blob (a .blob file)',
    );
    const short = new IndexStreamReader(() => {}, 'a.fidx');
    short.feed(fidx(8 * MiB, [digestOf('a'), digestOf('b')]).subarray(0, 4096 + 32));
    expect(() => short.end()).toThrow('a.fidx is cut short: its image size needs 2 digests, it has 1');
    const tiny = new IndexStreamReader(() => {}, 'b.didx');
    tiny.feed(new Uint8Array(DYNAMIC_MAGIC));
    expect(() => tiny.end()).toThrow('b.didx is cut short: 8 bytes, its header alone is 4096');
  });
});
