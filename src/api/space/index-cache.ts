// Index files kept in this browser's IndexedDB for the space account (DESIGN.md, "Space accounting"). A finished
// snapshot never changes, so a file read once is read from here afterwards and a later account downloads only
// the snapshots that are new since.
//
// Key: server, user, datastore, namespace, backup type, id, time and file name. The user is part of it because PBS
// decides per user which files it hands over (Datastore.Read, or Datastore.Backup for one's own groups): a file one
// user downloaded is never read for another in the same browser. PBS's snapshot list does not carry an
// index file's checksum (only the manifest does, one more download per snapshot), so each entry keeps the file's
// size as the listing states it and the checksum its header carries (the manifest's `csum`): a listing whose size
// differs, or kept bytes whose header no longer carries that checksum, are downloaded again. Entries of snapshots the listing no longer names
// (forgotten, pruned) are dropped after each listing.
//
// The cache is a convenience: where IndexedDB is missing, refused (private windows) or full, the account downloads
// as if nothing were kept.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseIndexHeader } from '@/lib/pbs-index-header';

const DB_NAME = 'pbs-deck-space';
const STORE = 'index-files';
/** 2: the user joined the key */
const VERSION = 2;

/** server, user (auth id), datastore, namespace, type, id, time, file name */
export type IndexFileKey = [string, string, string, string, string, string, number, string];

export interface CachedIndexFile {
  /** the file's size as the snapshot listing gave it, when it did */
  size?: number;
  /** the header's index checksum (SHA-256 over the entries, hex), which is the manifest's `csum` of the file */
  csum: string;
  data: ArrayBuffer;
}

interface SpaceDb extends DBSchema {
  [STORE]: { key: IndexFileKey; value: CachedIndexFile };
}

let opening: Promise<IDBPDatabase<SpaceDb> | null> | undefined;

function database(): Promise<IDBPDatabase<SpaceDb> | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  opening ??= openDB<SpaceDb>(DB_NAME, VERSION, {
    upgrade(db) {
      // files kept under an older key are dropped: the next account downloads them again
      if (db.objectStoreNames.contains(STORE)) db.deleteObjectStore(STORE);
      db.createObjectStore(STORE);
    },
  }).catch(() => null);
  return opening;
}

/** The cached bytes of one index file, or undefined when none are kept or they no longer fit the listing. */
export async function cachedIndexFile(key: IndexFileKey, size: number | undefined): Promise<ArrayBuffer | undefined> {
  const db = await database();
  if (!db) return undefined;
  try {
    const hit = await db.get(STORE, key);
    if (!hit) return undefined;
    if (size !== undefined && hit.size !== undefined && hit.size !== size) return undefined;
    if (checksumOf(hit.data) !== hit.csum) return undefined;
    return hit.data;
  } catch {
    return undefined;
  }
}

/** Keeps a downloaded index file. Call it before the buffer is transferred: IndexedDB copies it at once. */
export async function keepIndexFile(key: IndexFileKey, size: number | undefined, data: ArrayBuffer): Promise<void> {
  const db = await database();
  if (!db) return;
  const csum = checksumOf(data);
  // an unreadable file is not kept: the account reports it
  if (csum === undefined) return;
  try {
    await db.put(STORE, { ...(size === undefined ? {} : { size }), csum, data }, key);
  } catch {
    // full or refused: the next account downloads it again
  }
}

/**
 * Drops the files `user` keeps of `server`'s datastore `store` whose snapshot is not in `keep` (`ns|type/id/time`,
 * what the user's listing names). Returns how many were dropped.
 */
export async function forgetOtherSnapshots(
  server: string,
  user: string,
  store: string,
  keep: ReadonlySet<string>,
): Promise<number> {
  const db = await database();
  if (!db) return 0;
  let dropped = 0;
  try {
    const tx = db.transaction(STORE, 'readwrite');
    // every key of this server, user and datastore: arrays sort after strings and numbers, so [] ends the range
    const range = IDBKeyRange.bound([server, user, store], [server, user, store, []]);
    for (let cursor = await tx.store.openKeyCursor(range); cursor; cursor = await cursor.continue()) {
      const [, , , ns, type, id, time] = cursor.primaryKey;
      if (!keep.has(snapshotKey(ns, type, id, time))) {
        await tx.store.delete(cursor.primaryKey);
        dropped++;
      }
    }
    await tx.done;
  } catch {
    // the cache is a convenience
  }
  return dropped;
}

export const snapshotKey = (ns: string, type: string, id: string, time: number) => `${ns}|${type}/${id}/${time}`;

function checksumOf(data: ArrayBuffer): string | undefined {
  try {
    return parseIndexHeader(new Uint8Array(data)).csum;
  } catch {
    return undefined;
  }
}

/** Tests: forget the open database so the next call opens it again. */
export function closeIndexCacheForTests(): void {
  void opening?.then((db) => db?.close());
  opening = undefined;
}
