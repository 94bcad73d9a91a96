// What the space engine reads and what it answers (DESIGN.md, "Space accounting").

/** A snapshot as the listing names it. `ns` is `''` for the root namespace, else `a/b`. */
export interface SnapshotRef {
  ns: string;
  type: string;
  id: string;
  /** backup-time, Unix seconds */
  time: number;
  /** the group's owner (PBS keeps one owner per group) */
  owner: string;
}

/** One index file of a snapshot: its whole bytes, or its bytes as they download. */
export interface IndexFileData {
  name: string;
  data: Uint8Array | ArrayBuffer | AsyncIterable<Uint8Array>;
}

/**
 * A snapshot to read. `files()` yields its `.fidx`/`.didx` files (blobs hold no chunks); it, or a file's byte
 * stream, throws SnapshotGoneError (or any error carrying `status: 404`) when the snapshot vanished meanwhile.
 */
export interface SnapshotInput extends SnapshotRef {
  files(): AsyncIterable<IndexFileData> | Iterable<IndexFileData>;
}

export class SnapshotGoneError extends Error {
  override readonly name = 'SnapshotGoneError';
}

export interface Progress {
  /** snapshots finished, skipped ones included */
  done: number;
  total: number;
  skipped: number;
  /** index bytes read so far */
  bytesRead: number;
}

export interface RunOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** A number of distinct chunks and their logical (uncompressed) bytes, each chunk counted once. */
export interface Space {
  chunks: number;
  bytes: number;
}

/** distinct: chunks the set references; unique: only the set references them; shared: the rest (distinct − unique) */
export interface SetSpace {
  distinct: Space;
  unique: Space;
  shared: Space;
  snapshots: number;
  /** logical bytes of the set's index files summed, a chunk counted once per reference (as GC's index-data-bytes) */
  referencedBytes: number;
}

export interface SnapshotSpace extends SnapshotRef {
  distinct: Space;
  /** chunks not in the next-older snapshot of the group that was read; all of them for the oldest */
  added: Space;
  unique: Space;
  referencedBytes: number;
}

export interface GroupSpace extends SetSpace {
  ns: string;
  type: string;
  id: string;
  owner: string;
}

/** A namespace with all its children. */
export interface NamespaceSpace extends SetSpace {
  ns: string;
  groups: number;
}

export interface OwnerSpace extends SetSpace {
  owner: string;
  groups: number;
}

/** What GC's last run reported (`gc-status`). */
export interface GcFigures {
  indexDataBytes: number;
  diskBytes: number;
}

export interface DatastoreSpace {
  distinct: Space;
  referencedBytes: number;
  snapshots: number;
  skipped: SnapshotRef[];
  /** chunks whose digest came with two different logical sizes (kept: the first); 0 unless an index is wrong */
  sizeConflicts: number;
  gc?: GcFigures & {
    /** disk bytes per distinct logical byte: the store-wide compression GC's figures imply (estimate) */
    compression: number;
    /** referenced ÷ distinct logical bytes: deduplication alone, before compression */
    dedup: number;
  };
}

export interface SpaceReport {
  datastore: DatastoreSpace;
  snapshots: SnapshotSpace[];
  groups: GroupSpace[];
  namespaces: NamespaceSpace[];
  owners: OwnerSpace[];
}
