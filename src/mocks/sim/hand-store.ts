// Seeding a datastore by hand, for tests that compute every number themselves: explicit chunks (id, raw
// size, on-disk size, atime) and snapshots whose index files reference explicit chunk ids.
import type { ChunkStore } from './chunks';
import type { Datastore } from './datastore';
import { groupKey, type ArchiveFile } from './content';
import { SimError } from './errors';
import type { BackupType } from './types';
import type { BackupJob } from './backup';
import type { BackupRequest } from './backup-session';

export interface HandSnapshot {
  ns?: string;
  type: BackupType;
  id: string;
  time: number;
  owner?: string;
  /** index files (`.fidx`/`.didx`) with the chunk ids they reference, in order (repeats allowed) */
  files: { filename: string; chunks: string[] }[];
}

export interface HandStore {
  readonly name: string;
  readonly chunks: ChunkStore;
  /** inserts one chunk file: `id` may be a 64-hex digest (used as is in logs) or any name */
  insertChunk(id: string, rawSize: number, diskSize: number, atime: number): void;
  addSnapshot(s: HandSnapshot): void;
  addNamespace(ns: string): void;
}

export function handStore(store: Datastore): HandStore {
  return {
    name: store.name,
    chunks: store.chunks,
    insertChunk: (id, raw, disk, atime) => {
      store.chunks.insertChunk(id, raw, disk, atime);
      store.recordUsage(atime);
    },
    addNamespace: (ns) => void store.ensureNs(ns),
    addSnapshot(s) {
      const groups = store.ensureNs(s.ns ?? '');
      const key = groupKey(s.type, s.id);
      let g = groups.get(key);
      if (!g) {
        g = { type: s.type, id: s.id, owner: s.owner ?? 'root@pam', snapshots: [] };
        groups.set(key, g);
      }
      const files: ArchiveFile[] = s.files.map((f) => {
        let size = 0;
        for (const id of f.chunks) {
          const a = store.chunks.atoms.get(id);
          if (!a) throw new SimError(400, `hand seeding: chunk '${id}' must be inserted before it is referenced`);
          size += a.rawSize;
        }
        return {
          kind: f.filename.endsWith('.fidx') ? 'fidx' : 'didx',
          filename: f.filename,
          size,
          chunkCount: f.chunks.length,
          // a repeated chunk is one atom referenced again: the index counts its bytes each time
          refs: f.chunks.map((id) => ({ atom: id, n: 1, raw: store.chunks.atoms.get(id)?.rawSize ?? 0 })),
          cryptMode: 'none',
          csum: '',
        };
      });
      g.snapshots.push({
        time: s.time,
        files,
        manifestSize: 500,
        clientLog: false,
        protected: false,
        signed: false,
        finished: true,
      });
      g.snapshots.sort((a, b) => a.time - b.time);
    },
  };
}

/** A backup job from a hand-written request: every chunk is its own atom. */
export function handBackupJob(store: Datastore, req: BackupRequest, authid: string, time: number): BackupJob {
  const archives = (req.archives ?? []).map((a) => ({
    filename: a.filename,
    kind: a.filename.endsWith('.fidx')
      ? ('fidx' as const)
      : a.filename.endsWith('.didx')
        ? ('didx' as const)
        : ('blob' as const),
    size: a.size,
    atoms: (a.chunks ?? []).map((c) => ({ id: c.id, count: 1, raw: c.rawSize, disk: c.diskSize })),
  }));
  return {
    store,
    ns: req.ns ?? '',
    type: req.type,
    id: req.id,
    owner: authid,
    authid,
    time,
    archives,
    cryptMode: 'none',
    clientLog: false,
  };
}
