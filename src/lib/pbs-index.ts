// Readers for PBS chunk index files, `.fidx` (fixed-size chunks, VM disks) and `.didx` (content-defined chunks,
// pxar archives and catalogs); layout in pbs-formats.md §1–2, checked against PBS's fixed_index.rs and
// dynamic_index.rs. Both have a 4096-byte little-endian header, then one entry per chunk. A reader keeps the
// file's bytes and hands out views: a 1 TiB disk is 262,144 digests, and no per-chunk object is ever built.
import {
  type ChunkVisitor,
  type IndexHeader,
  type IndexKind,
  INDEX_ENTRY_SIZE,
  INDEX_HEADER_SIZE,
  IndexFileError,
  checkDynamicEnd,
  fixedChunkCount,
  hexOf,
  parseIndexHeader,
  readU64,
  toBytes,
} from './pbs-index-header';

const HEADER_SIZE = INDEX_HEADER_SIZE;
const FIXED_ENTRY = INDEX_ENTRY_SIZE.fixed;
const DYNAMIC_ENTRY = INDEX_ENTRY_SIZE.dynamic;

export class FixedIndex {
  readonly kind = 'fixed';
  readonly chunkCount: number;
  readonly size: number;
  readonly chunkSize: number;

  constructor(
    readonly header: IndexHeader,
    private readonly bytes: Uint8Array,
  ) {
    this.size = header.size ?? 0;
    this.chunkSize = header.chunkSize ?? 0;
    this.chunkCount = fixedChunkCount(header);
  }

  /** logical bytes the index describes (the image size) */
  get totalSize(): number {
    return this.size;
  }

  /** a view into the file's bytes, no copy */
  digest(i: number): Uint8Array {
    const at = HEADER_SIZE + i * FIXED_ENTRY;
    return this.bytes.subarray(at, at + 32);
  }

  digestHex(i: number): string {
    return hexOf(this.bytes, HEADER_SIZE + i * FIXED_ENTRY, 32);
  }

  /** every chunk is chunkSize long but the last, which holds what is left */
  chunkSizeOf(i: number): number {
    return i < this.chunkCount - 1 ? this.chunkSize : this.size - (this.chunkCount - 1) * this.chunkSize;
  }

  forEachChunk(visit: ChunkVisitor): void {
    for (let i = 0; i < this.chunkCount; i++) visit(this.bytes, HEADER_SIZE + i * FIXED_ENTRY, this.chunkSizeOf(i), i);
  }
}

export class DynamicIndex {
  readonly kind = 'dynamic';
  readonly chunkCount: number;
  readonly totalSize: number;
  private readonly view: DataView;

  constructor(
    readonly header: IndexHeader,
    private readonly bytes: Uint8Array,
  ) {
    this.chunkCount = (bytes.length - HEADER_SIZE) / DYNAMIC_ENTRY;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    this.totalSize = this.chunkCount === 0 ? 0 : this.chunkEnd(this.chunkCount - 1);
  }

  /** exclusive end offset of chunk i in the archive's byte stream */
  chunkEnd(i: number): number {
    const at = HEADER_SIZE + i * DYNAMIC_ENTRY;
    return this.view.getUint32(at + 4, true) * 2 ** 32 + this.view.getUint32(at, true);
  }

  chunkSizeOf(i: number): number {
    return this.chunkEnd(i) - (i === 0 ? 0 : this.chunkEnd(i - 1));
  }

  digest(i: number): Uint8Array {
    const at = HEADER_SIZE + i * DYNAMIC_ENTRY + 8;
    return this.bytes.subarray(at, at + 32);
  }

  digestHex(i: number): string {
    return hexOf(this.bytes, HEADER_SIZE + i * DYNAMIC_ENTRY + 8, 32);
  }

  forEachChunk(visit: ChunkVisitor): void {
    let start = 0;
    for (let i = 0; i < this.chunkCount; i++) {
      const end = this.chunkEnd(i);
      visit(this.bytes, HEADER_SIZE + i * DYNAMIC_ENTRY + 8, end - start, i);
      start = end;
    }
  }
}

export type ChunkIndex = FixedIndex | DynamicIndex;

function checkLength(header: IndexHeader, bytes: Uint8Array, fileName?: string): void {
  const body = bytes.length - HEADER_SIZE;
  if (header.kind === 'fixed') {
    const want = fixedChunkCount(header) * FIXED_ENTRY;
    if (body < want) {
      const what = `${fixedChunkCount(header)} digests (${want} bytes after the header), it has ${body} bytes`;
      throw new IndexFileError('truncated', `is cut short: its image size needs ${what}`, fileName);
    }
    if (body > want) {
      throw new IndexFileError('corrupt', `is damaged: ${body - want} bytes more than its image size needs`, fileName);
    }
  } else if (body % DYNAMIC_ENTRY !== 0) {
    throw new IndexFileError(
      'truncated',
      `is cut short: its last entry has ${body % DYNAMIC_ENTRY} of 40 bytes`,
      fileName,
    );
  }
}

/** Reads a `.fidx` or `.didx` (told apart by the magic number), checking its length and chunk offsets. */
export function readIndexFile(data: Uint8Array | ArrayBuffer, fileName?: string, expected?: IndexKind): ChunkIndex {
  const bytes = toBytes(data);
  const header = parseIndexHeader(bytes, fileName, expected);
  checkLength(header, bytes, fileName);
  if (header.kind === 'fixed') return new FixedIndex(header, bytes);
  const index = new DynamicIndex(header, bytes);
  let previous = 0;
  for (let i = 0; i < index.chunkCount; i++) {
    const end = readU64(bytes, HEADER_SIZE + i * DYNAMIC_ENTRY, fileName, `chunk ${i} end offset`);
    checkDynamicEnd(end, previous, i, fileName);
    previous = end;
  }
  return index;
}

export function readFixedIndex(data: Uint8Array | ArrayBuffer, fileName?: string): FixedIndex {
  const index = readIndexFile(data, fileName, 'fixed');
  if (index.kind !== 'fixed') throw new Error('unreachable: the header check refuses a dynamic index');
  return index;
}

export function readDynamicIndex(data: Uint8Array | ArrayBuffer, fileName?: string): DynamicIndex {
  const index = readIndexFile(data, fileName, 'dynamic');
  if (index.kind !== 'dynamic') throw new Error('unreachable: the header check refuses a fixed index');
  return index;
}

/**
 * SHA-256 of everything after the header, as hex: what PBS writes as the header's csum when it closes the file,
 * and the manifest's `csum` for it. Compare it with the header to find a damaged download.
 */
export async function computeIndexChecksum(data: Uint8Array | ArrayBuffer): Promise<string> {
  const body = toBytes(data).slice(HEADER_SIZE);
  return hexOf(new Uint8Array(await crypto.subtle.digest('SHA-256', body)), 0, 32);
}
