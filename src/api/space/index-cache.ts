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
// as if nothing were kept. It holds at most INDEX_CACHE_LIMIT bytes (an index file of a 1 TiB disk is 8 MiB): a file
// that would pass the limit is not kept, and the next account downloads it again. The space view shows what is kept
// and forgets it on request.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseIndexHeader } from '@/lib/pbs-index-header';

const DB_NAME = 'pbs-deck-space';
const STORE = 'index-files';
/** each kept file's length, under the same key: summed without reading the files */
const SIZES = 'sizes';
/** 2: the user joined the key, and the sizes store */
const VERSION = 2;

/** The most index-file bytes this browser keeps, over every server, user and datastore. */
export const INDEX_CACHE_LIMIT = 1024 ** 3;
let limit = INDEX_CACHE_LIMIT;

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
  [SIZES]: { key: IndexFileKey; value: number };
}

let opening: Promise<IDBPDatabase<SpaceDb> | null> | undefined;

function database(): Promise<IDBPDatabase<SpaceDb> | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  opening ??= openDB<SpaceDb>(DB_NAME, VERSION, {
    upgrade(db) {
      // files kept under an older key are dropped: the next account downloads them again
      if (db.objectStoreNames.contains(STORE)) db.deleteObjectStore(STORE);
      db.createObjectStore(STORE);
      db.createObjectStore(SIZES);
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

/** The bytes of index files kept, summed over every server, user and datastore. */
async function sumKept(db: IDBPDatabase<SpaceDb>): Promise<number> {
  let sum = 0;
  for (let c = await db.transaction(SIZES).store.openCursor(); c; c = await c.continue()) sum += c.value;
  return sum;
}

/** What this browser keeps, in bytes of index files: this tab's running sum, read once from the database. */
let kept: Promise<number> | undefined;

/**
 * The bytes of index files this browser keeps, the most it keeps, and whether it can keep any (no IndexedDB, or
 * refused, as in some private windows: it cannot).
 */
export async function keptIndexBytes(): Promise<{ bytes: number; limit: number; available: boolean }> {
  const db = await database();
  if (!db) return { bytes: 0, limit, available: false };
  try {
    // another tab may have kept or dropped files meanwhile: ask the database
    kept = sumKept(db);
    return { bytes: await kept, limit, available: true };
  } catch {
    kept = undefined;
    return { bytes: 0, limit, available: false };
  }
}

/**
 * Keeps a downloaded index file, unless it would pass the limit. Call it before the buffer is transferred:
 * IndexedDB copies it at once. Resolves to what became of it: kept, not kept because of the limit, or not kept for
 * another reason (no IndexedDB, refused, unreadable).
 */
export async function keepIndexFile(
  key: IndexFileKey,
  size: number | undefined,
  data: ArrayBuffer,
): Promise<'kept' | 'over limit' | 'not kept'> {
  const db = await database();
  if (!db) return 'not kept';
  const csum = checksumOf(data);
  // an unreadable file is not kept: the account reports it
  if (csum === undefined) return 'not kept';
  try {
    // each call chains on the one before: two files kept at once are both counted
    let fits = false;
    kept = (kept ?? sumKept(db)).then((bytes) => {
      fits = bytes + data.byteLength <= limit;
      return fits ? bytes + data.byteLength : bytes;
    });
    await kept;
    if (!fits) return 'over limit';
    const tx = db.transaction([STORE, SIZES], 'readwrite');
    await Promise.all([
      tx.objectStore(STORE).put({ ...(size === undefined ? {} : { size }), csum, data }, key),
      tx.objectStore(SIZES).put(data.byteLength, key),
      tx.done,
    ]);
    return 'kept';
  } catch {
    // full or refused: the next account downloads it again
    kept = undefined;
    return 'not kept';
  }
}

/** Drops every index file this browser keeps (every server, user and datastore). */
export async function forgetAllIndexFiles(): Promise<void> {
  const db = await database();
  if (!db) return;
  const tx = db.transaction([STORE, SIZES], 'readwrite');
  await Promise.all([tx.objectStore(STORE).clear(), tx.objectStore(SIZES).clear(), tx.done]);
  kept = Promise.resolve(0);
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
    const tx = db.transaction([STORE, SIZES], 'readwrite');
    const files = tx.objectStore(STORE);
    // every key of this server, user and datastore: arrays sort after strings and numbers, so [] ends the range
    const range = IDBKeyRange.bound([server, user, store], [server, user, store, []]);
    for (let cursor = await tx.objectStore(SIZES).openCursor(range); cursor; cursor = await cursor.continue()) {
      const [, , , ns, type, id, time] = cursor.primaryKey;
      if (!keep.has(snapshotKey(ns, type, id, time))) {
        await files.delete(cursor.primaryKey);
        await cursor.delete();
        dropped++;
      }
    }
    await tx.done;
  } catch {
    // the cache is a convenience
  }
  // the running sum is read again when next needed
  if (dropped) kept = undefined;
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
  kept = undefined;
}

/** Tests: a smaller limit (undefined: INDEX_CACHE_LIMIT again). */
export function setIndexCacheLimitForTests(bytes: number | undefined): void {
  limit = bytes ?? INDEX_CACHE_LIMIT;
}
