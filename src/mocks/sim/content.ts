// Namespaces, groups, snapshots and their files, as the datastore holds them.
import type { BackupType, CryptMode } from './types';
import type { Atom } from './chunks';
import type { AddedEntry } from './file-tree-builder';
import type { Chunking } from './chunk-sizes';

export interface AtomRef {
  atom: string;
  /** chunks of the atom this index references */
  n: number;
  /** logical bytes per chunk (the mean, for content-defined chunks) */
  raw: number;
  /** content-defined chunks of varying size (chunk-sizes.ts), always referenced whole; absent: `raw` each */
  chunking?: Chunking;
  /** resolved atom record, filled on first use */
  a?: Atom;
}

export interface IndexFile {
  kind: 'fidx' | 'didx';
  filename: string;
  size: number;
  chunkCount: number;
  refs: AtomRef[];
  cryptMode: CryptMode;
  /** the manifest's csum, SHA-256 of the index entries: '' until the file is first built (index-file.ts) */
  csum: string;
}

export interface BlobFile {
  kind: 'blob';
  filename: string;
  size: number;
  cryptMode: CryptMode;
}

export type ArchiveFile = IndexFile | BlobFile;

export interface UploadStats {
  compressed_size: number;
  count: number;
  duplicates: number;
  size: number;
}

export interface Snapshot {
  time: number;
  /** manifest order */
  files: ArchiveFile[];
  manifestSize: number;
  clientLog: boolean;
  protected: boolean;
  notes?: string;
  verification?: { state: 'ok' | 'failed'; upid: string };
  fingerprint?: string;
  signed: boolean;
  uploadStats?: UploadStats;
  /** false while the backup writing it is still running */
  finished: boolean;
  /** entries of its file archives beyond what the seed builds, by archive base name ("root" of root.pxar.didx) */
  addedEntries?: Record<string, AddedEntry[]>;
}

export interface Group {
  type: BackupType;
  id: string;
  owner: string;
  notes?: string;
  /** ascending by time */
  snapshots: Snapshot[];
}

export const groupKey = (type: string, id: string) => `${type}/${id}`;

export function isIndex(f: ArchiveFile): f is IndexFile {
  return f.kind !== 'blob';
}

/** `[ns/a/ns/b/]` prefix of paths below the datastore root. */
export function nsPath(ns: string): string {
  return ns === ''
    ? ''
    : ns
        .split('/')
        .map((c) => `ns/${c}/`)
        .join('');
}
