// Reads an index file as its bytes arrive (a download's body, piece by piece): the header once 4096 bytes are in,
// then each entry as soon as it is complete, so a 1 TiB disk's 8 MiB index never has to sit in memory whole.
// The same checks as readIndexFile (pbs-index.ts), the length check at end().
import {
  type ChunkVisitor,
  type IndexHeader,
  type IndexKind,
  INDEX_ENTRY_SIZE,
  INDEX_HEADER_SIZE,
  IndexFileError,
  checkDynamicEnd,
  fixedChunkCount,
  parseIndexHeader,
  readU64,
} from './pbs-index-header';

export interface IndexSummary {
  header: IndexHeader;
  chunkCount: number;
  /** logical bytes: the image size (fixed), the last end offset (dynamic) */
  totalSize: number;
}

export class IndexStreamReader {
  header: IndexHeader | undefined;
  chunkCount = 0;
  /** bytes fed so far */
  bytesRead = 0;
  private readonly head = new Uint8Array(INDEX_HEADER_SIZE);
  private readonly carry = new Uint8Array(40);
  private carried = 0;
  private entrySize = 0;
  private expectedChunks = Infinity;
  private previousEnd = 0;

  constructor(
    private readonly visit: ChunkVisitor,
    private readonly fileName?: string,
    private readonly expected?: IndexKind,
  ) {}

  feed(data: Uint8Array): void {
    let at = 0;
    if (!this.header) {
      const take = Math.min(INDEX_HEADER_SIZE - this.bytesRead, data.length);
      this.head.set(data.subarray(0, take), this.bytesRead);
      this.bytesRead += take;
      at = take;
      // Foreign files are told apart by their first bytes: say so at once, not after 4096 of them.
      if (this.bytesRead >= 8 && this.bytesRead < INDEX_HEADER_SIZE) this.checkMagicEarly();
      if (this.bytesRead < INDEX_HEADER_SIZE) return;
      this.header = parseIndexHeader(this.head, this.fileName, this.expected);
      this.entrySize = INDEX_ENTRY_SIZE[this.header.kind];
      if (this.header.kind === 'fixed') this.expectedChunks = fixedChunkCount(this.header);
    }
    this.bytesRead += data.length - at;
    if (this.carried > 0) {
      const take = Math.min(this.entrySize - this.carried, data.length - at);
      this.carry.set(data.subarray(at, at + take), this.carried);
      this.carried += take;
      at += take;
      if (this.carried < this.entrySize) return;
      this.entry(this.carry, 0);
      this.carried = 0;
    }
    while (at + this.entrySize <= data.length) {
      this.entry(data, at);
      at += this.entrySize;
    }
    this.carry.set(data.subarray(at), 0);
    this.carried = data.length - at;
  }

  /** Call when the download ended: refuses a file cut short. */
  end(): IndexSummary {
    if (!this.header) {
      if (this.bytesRead >= 8) this.checkMagicEarly();
      const what =
        this.bytesRead < 8 ? `only ${this.bytesRead} bytes` : `${this.bytesRead} bytes, its header alone is 4096`;
      throw new IndexFileError('truncated', `is cut short: ${what}`, this.fileName);
    }
    if (this.carried > 0) {
      const what = `its last entry has ${this.carried} of ${this.entrySize} bytes`;
      throw new IndexFileError('truncated', `is cut short: ${what}`, this.fileName);
    }
    if (this.header.kind === 'fixed') {
      if (this.chunkCount < this.expectedChunks) {
        const what = `${this.expectedChunks} digests, it has ${this.chunkCount}`;
        throw new IndexFileError('truncated', `is cut short: its image size needs ${what}`, this.fileName);
      }
      return { header: this.header, chunkCount: this.chunkCount, totalSize: this.header.size ?? 0 };
    }
    return { header: this.header, chunkCount: this.chunkCount, totalSize: this.previousEnd };
  }

  private checkMagicEarly(): void {
    // parseIndexHeader refuses foreign or unknown magic before it looks at the length; a good magic passes here.
    try {
      parseIndexHeader(this.head.subarray(0, this.bytesRead), this.fileName, this.expected);
    } catch (err) {
      if (err instanceof IndexFileError && err.problem !== 'truncated') throw err;
    }
  }

  private entry(bytes: Uint8Array, at: number): void {
    const i = this.chunkCount;
    const header = this.header;
    if (!header) return;
    if (header.kind === 'fixed') {
      if (i >= this.expectedChunks) {
        throw new IndexFileError('corrupt', `is damaged: more digests than its image size needs`, this.fileName);
      }
      const chunkSize = header.chunkSize ?? 0;
      const size = i < this.expectedChunks - 1 ? chunkSize : (header.size ?? 0) - i * chunkSize;
      this.chunkCount++;
      this.visit(bytes, at, size, i);
      return;
    }
    const end = readU64(bytes, at, this.fileName, `chunk ${i} end offset`);
    checkDynamicEnd(end, this.previousEnd, i, this.fileName);
    const size = end - this.previousEnd;
    this.previousEnd = end;
    this.chunkCount++;
    this.visit(bytes, at + 8, size, i);
  }
}
