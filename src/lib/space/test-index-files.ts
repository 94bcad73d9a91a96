// Index files laid out by hand for the space engine's tests, from pbs-formats.md §1 (fixed) and §2 (dynamic):
// chunk i is named by a label, its digest is SHA-256(label). The header's other fields stay zero.
import { createHash } from 'node:crypto';

export function labelDigest(label: string): Buffer {
  return createHash('sha256').update(label).digest();
}

/** A `.didx` of the labelled chunks with their logical sizes. */
export function didx(chunks: [label: string, size: number][]): Uint8Array {
  const file = Buffer.alloc(4096 + 40 * chunks.length);
  file.set([28, 145, 78, 165, 25, 186, 179, 205], 0);
  let end = 0;
  chunks.forEach(([label, size], i) => {
    end += size;
    file.writeBigUInt64LE(BigInt(end), 4096 + 40 * i);
    labelDigest(label).copy(file, 4096 + 40 * i + 8);
  });
  return new Uint8Array(file);
}

/** A `.fidx` of an image of `size` bytes in chunks of `chunkSize`, one label per chunk. */
export function fidx(labels: string[], size: number, chunkSize: number): Uint8Array {
  const file = Buffer.alloc(4096 + 32 * labels.length);
  file.set([47, 127, 65, 237, 145, 253, 15, 205], 0);
  file.writeBigUInt64LE(BigInt(size), 64);
  file.writeBigUInt64LE(BigInt(chunkSize), 72);
  labels.forEach((label, i) => labelDigest(label).copy(file, 4096 + 32 * i));
  return new Uint8Array(file);
}
