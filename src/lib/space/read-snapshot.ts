// Feeds every chunk of a snapshot's index files to a visitor, from whole files or from downloads as they arrive.
import { readIndexFile } from '../pbs-index';
import { type ChunkVisitor, type IndexKind, toBytes } from '../pbs-index-header';
import { IndexStreamReader } from '../pbs-index-stream';
import { SnapshotGoneError, type IndexFileData, type SnapshotInput, type SnapshotRef } from './types';

/** A vanished snapshot: the source said so, or a download answered 404 (PbsError and fetch wrappers carry it). */
export function isGone(err: unknown): boolean {
  if (err instanceof SnapshotGoneError) return true;
  return typeof err === 'object' && err !== null && 'status' in err && err.status === 404;
}

/** `ns/a/ns/b/vm/100/2024-06-05T08:00:01Z`, the snapshot's path in the datastore, to name files in errors. */
export function snapshotPath(s: SnapshotRef): string {
  const ns =
    s.ns === ''
      ? ''
      : s.ns
          .split('/')
          .map((part) => `ns/${part}/`)
          .join('');
  const time = new Date(s.time * 1000).toISOString().replace('.000Z', 'Z');
  return `${ns}${s.type}/${s.id}/${time}`;
}

function kindOf(name: string): IndexKind | undefined {
  return name.endsWith('.fidx') ? 'fixed' : name.endsWith('.didx') ? 'dynamic' : undefined;
}

export interface ReadCounters {
  bytesRead: number;
}

/**
 * Visits every chunk of every index file of the snapshot; returns the logical bytes the files describe.
 * Throws what the source throws (SnapshotGoneError for a vanished snapshot) and IndexFileError for a bad file.
 */
export async function readSnapshotChunks(
  snapshot: SnapshotInput,
  visit: ChunkVisitor,
  counters: ReadCounters,
  signal?: AbortSignal,
  onFile?: () => void,
): Promise<number> {
  let referenced = 0;
  for await (const file of snapshot.files()) {
    signal?.throwIfAborted();
    const name = `${snapshotPath(snapshot)}/${file.name}`;
    const { data } = file;
    if (isWholeFile(data)) {
      const index = readIndexFile(toBytes(data), name, kindOf(file.name));
      counters.bytesRead += data.byteLength;
      index.forEachChunk(visit);
      referenced += index.totalSize;
    } else {
      const reader = new IndexStreamReader(visit, name, kindOf(file.name));
      for await (const piece of data) {
        signal?.throwIfAborted();
        reader.feed(piece);
        counters.bytesRead += piece.byteLength;
      }
      referenced += reader.end().totalSize;
    }
    onFile?.();
  }
  return referenced;
}

/** Whole bytes rather than a stream; an ArrayBuffer from another realm (a structured clone) counts too. */
function isWholeFile(data: IndexFileData['data']): data is Uint8Array | ArrayBuffer {
  return data instanceof Uint8Array || Object.prototype.toString.call(data) === '[object ArrayBuffer]';
}
