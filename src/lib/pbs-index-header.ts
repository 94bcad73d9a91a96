// The header of PBS chunk index files (pbs-formats.md §1–2, checked against PBS's fixed_index.rs and
// dynamic_index.rs): magic numbers, the 4096-byte little-endian header, and the errors the readers raise.
// The readers themselves are in pbs-index.ts (whole files) and pbs-index-stream.ts (downloads as they arrive).

const HEADER_SIZE = 4096;
const FIXED_ENTRY = 32;
const DYNAMIC_ENTRY = 40;

/** First 8 bytes of SHA-256("Proxmox Backup fixed sized chunk index v1.0"). */
export const FIXED_INDEX_MAGIC = Uint8Array.of(47, 127, 65, 237, 145, 253, 15, 205);
/** First 8 bytes of SHA-256("Proxmox Backup dynamic sized chunk index v1.0"). */
export const DYNAMIC_INDEX_MAGIC = Uint8Array.of(28, 145, 78, 165, 25, 186, 179, 205);

// What else a download can hand us instead of an index: PBS's other files, or an error page from a proxy.
const FOREIGN_MAGICS: readonly [Uint8Array, string][] = [
  [Uint8Array.of(66, 171, 56, 7, 190, 131, 112, 161), 'an uncompressed data blob (a .blob file)'],
  [Uint8Array.of(49, 185, 88, 66, 111, 182, 163, 127), 'a zstd-compressed data blob (a .blob file)'],
  [Uint8Array.of(123, 103, 133, 190, 34, 45, 76, 240), 'an encrypted data blob (a .blob file)'],
  [Uint8Array.of(230, 89, 27, 191, 11, 191, 216, 11), 'an encrypted, compressed data blob (a .blob file)'],
  [Uint8Array.of(145, 253, 96, 249, 196, 103, 88, 213), 'a decoded file catalog, not its .didx index'],
];

export type IndexKind = 'fixed' | 'dynamic';

/** truncated: cut short; foreign: another PBS file or a text answer; magic: unknown or the other kind; corrupt: impossible values */
export type IndexFileProblem = 'truncated' | 'foreign' | 'magic' | 'corrupt';

export class IndexFileError extends Error {
  override readonly name = 'IndexFileError';
  constructor(
    readonly problem: IndexFileProblem,
    message: string,
    readonly fileName?: string,
  ) {
    super(`${fileName ?? 'The index file'} ${message}`);
  }
}

export interface IndexHeader {
  kind: IndexKind;
  /** 32 hex digits, as PBS's upload statistics print it */
  uuid: string;
  /** Unix seconds when the writer was created (PBS 3.2's own dynamic reader ignores it and reports "now") */
  ctime: number;
  /** the header's index_csum, 64 hex: SHA-256 of all bytes after the header; the manifest's `csum` for this file */
  csum: string;
  /** fixed only: the image's logical size and the chunk size (4 MiB from the backup protocol) */
  size?: number;
  chunkSize?: number;
}

/** Called once per chunk: its digest is `bytes[digestOffset .. digestOffset + 32)`, valid during the call only. */
export type ChunkVisitor = (bytes: Uint8Array, digestOffset: number, logicalSize: number, index: number) => void;

export function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

export function hexOf(bytes: Uint8Array, offset: number, length: number): string {
  let hex = '';
  for (let i = offset; i < offset + length; i++) hex += (bytes[i] ?? 0).toString(16).padStart(2, '0');
  return hex;
}

function startsWith(bytes: Uint8Array, magic: Uint8Array): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** u64 LE at `at` as a number; values from 2^53 on cannot be sizes of anything PBS stores. */
export function readU64(bytes: Uint8Array, at: number, fileName: string | undefined, what: string): number {
  const lo =
    ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16)) + (bytes[at + 3] ?? 0) * 2 ** 24;
  const hi =
    ((bytes[at + 4] ?? 0) | ((bytes[at + 5] ?? 0) << 8) | ((bytes[at + 6] ?? 0) << 16)) +
    (bytes[at + 7] ?? 0) * 2 ** 24;
  if (hi >= 0x200000) throw new IndexFileError('corrupt', `is damaged: its ${what} is beyond 2^53 bytes`, fileName);
  return hi * 2 ** 32 + lo;
}

function describeForeign(bytes: Uint8Array): string | undefined {
  for (const [magic, what] of FOREIGN_MAGICS) if (startsWith(bytes, magic)) return what;
  if (startsWith(bytes, Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd))) return 'a bare zstd stream';
  const first = String.fromCharCode(...bytes.subarray(0, 64)).trimStart();
  if (first.startsWith('{') || first.startsWith('[')) return 'JSON text (an API answer?)';
  if (/^<(!doctype|html)/i.test(first)) return 'an HTML page (a login or proxy error page?)';
  return undefined;
}

/** Reads and checks the 4096-byte header; `bytes` may be just the header (streaming) or the whole file. */
export function parseIndexHeader(bytes: Uint8Array, fileName?: string, expected?: IndexKind): IndexHeader {
  const kind = startsWith(bytes, FIXED_INDEX_MAGIC)
    ? 'fixed'
    : startsWith(bytes, DYNAMIC_INDEX_MAGIC)
      ? 'dynamic'
      : undefined;
  if (!kind) {
    if (bytes.length < 8) throw new IndexFileError('truncated', `is cut short: only ${bytes.length} bytes`, fileName);
    const foreign = describeForeign(bytes);
    if (foreign) throw new IndexFileError('foreign', `is not an index file: it is ${foreign}`, fileName);
    throw new IndexFileError('magic', `is not a PBS index file: unknown magic number ${hexOf(bytes, 0, 8)}`, fileName);
  }
  if (expected && kind !== expected) {
    const [want, got] =
      expected === 'fixed' ? ['fixed (.fidx)', 'dynamic (.didx)'] : ['dynamic (.didx)', 'fixed (.fidx)'];
    throw new IndexFileError('magic', `is a ${got} index where a ${want} index was expected`, fileName);
  }
  if (bytes.length < HEADER_SIZE) {
    throw new IndexFileError('truncated', `is cut short: ${bytes.length} bytes, its header alone is 4096`, fileName);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_SIZE);
  const header: IndexHeader = {
    kind,
    uuid: hexOf(bytes, 8, 16),
    ctime: view.getInt32(28, true) * 2 ** 32 + view.getUint32(24, true),
    csum: hexOf(bytes, 32, 32),
  };
  if (kind === 'fixed') {
    header.size = readU64(bytes, 64, fileName, 'image size');
    header.chunkSize = readU64(bytes, 72, fileName, 'chunk size');
    const cs = header.chunkSize;
    // PBS computes offsets with a bit mask, so anything but a power of two is unreadable there too.
    if (cs === 0 || cs > 2 ** 32 || 2 ** Math.round(Math.log2(cs)) !== cs) {
      throw new IndexFileError('corrupt', `is damaged: chunk size ${cs} is not a power of two up to 4 GiB`, fileName);
    }
  }
  return header;
}

/** Number of digests a fixed index of this header must hold. */
export function fixedChunkCount(header: IndexHeader): number {
  return Math.ceil((header.size ?? 0) / (header.chunkSize ?? 1));
}

/** The message for a dynamic entry whose end lies before the previous one's (chunks have no negative length). */
export function checkDynamicEnd(end: number, previous: number, i: number, fileName?: string): void {
  if (end < previous) {
    throw new IndexFileError(
      'corrupt',
      `is damaged: chunk ${i} ends at ${end}, before chunk ${i - 1} (${previous})`,
      fileName,
    );
  }
}

export const INDEX_HEADER_SIZE = HEADER_SIZE;
export const INDEX_ENTRY_SIZE: Readonly<Record<IndexKind, number>> = { fixed: FIXED_ENTRY, dynamic: DYNAMIC_ENTRY };
