// One datastore: its config, chunk store, content tree, GC state, running writers and usage timeline.
import { ChunkStore } from './chunks';
import { enoent } from './errors';
import type { Group, Snapshot } from './content';
import type { GcStatus } from './types';
import type { LazyContent } from './large';

export type ConfigValue = string | number | boolean;
export type StoreConfig = Record<string, ConfigValue> & { name: string; path: string };

export function emptyGcStatus(): GcStatus {
  return {
    upid: null,
    'index-file-count': 0,
    'index-data-bytes': 0,
    'disk-bytes': 0,
    'disk-chunks': 0,
    'removed-bytes': 0,
    'removed-chunks': 0,
    'pending-bytes': 0,
    'pending-chunks': 0,
    'removed-bad': 0,
    'still-bad': 0,
  };
}

/**
 * A shared lock on a snapshot directory, held by a running task: a backup on its base snapshot (the previous one it
 * registers chunks from), a verify on the snapshot it reads. Prune and forget need the exclusive lock.
 */
export interface SnapshotLock {
  snap: Snapshot;
  from: number;
  until: number;
  task: number;
}

export interface IoEvent {
  start: number;
  end: number;
  readBytes: number;
  writeBytes: number;
}

export class Datastore {
  readonly chunks = new ChunkStore();
  readonly namespaces = new Map<string, Map<string, Group>>([['', new Map()]]);
  // PBS's NamespaceListItem.comment ("the first line from the namespace's notes"): PBS 4 has no call that sets
  // it, so only a test plants one, as a newer or patched server might send it
  readonly nsComments = new Map<string, string>();
  gcStatus: GcStatus = emptyGcStatus();
  gcLast: { upid: string; endtime: number; state: string } | null = null;
  gcRunning: string | null = null;
  /** when the gc-schedule was last set; next-run counts from here until a GC ran */
  gcScheduleSince: number;
  readonly writers = new Map<number, number>();
  locks: SnapshotLock[] = [];
  failure: string | null = null;
  fullDisk = false;
  blobBytes = 0;
  readonly usage: { t: number; used: number }[] = [];
  readonly io: IoEvent[] = [];
  lazy?: LazyContent;
  /** the model's sync time, for usage that is a function of time (lazy stores) */
  syncedAt: number;

  constructor(
    public config: StoreConfig,
    public total: number,
    /** bytes the filesystem uses besides chunks and blobs */
    public overhead: number,
    public readonly createdAt: number,
  ) {
    this.gcScheduleSince = createdAt;
    this.syncedAt = createdAt;
    this.recordUsage(createdAt);
  }

  get name(): string {
    return this.config.name;
  }

  used(): number {
    if (this.fullDisk) return this.total;
    const used = this.lazy ? this.lazy.usedAt(this.syncedAt) : this.overhead + this.chunks.diskBytes() + this.blobBytes;
    return Math.min(this.total, used);
  }

  avail(): number {
    return this.total - this.used();
  }

  recordUsage(t: number): void {
    const used = this.used();
    const last = this.usage[this.usage.length - 1];
    if (last && last.t === t) last.used = used;
    else if (!last || last.used !== used) this.usage.push({ t, used });
  }

  /** used bytes at time t (a step function over the recorded timeline) */
  usedAt(t: number): number | null {
    if (this.lazy) return t < this.createdAt ? null : this.lazy.usedAt(t);
    if (t < this.createdAt) return null;
    let lo = 0;
    let hi = this.usage.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.usage[mid]?.t ?? 0) <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.usage[lo]?.used ?? null;
  }

  lockedAt(s: Snapshot, t: number): boolean {
    return this.locks.some((l) => l.snap === s && l.from <= t && t < l.until);
  }

  /** The task ended or was aborted: its locks go. */
  releaseLocks(task: number): void {
    this.locks = this.locks.filter((l) => l.task !== task);
  }

  oldestWriter(): number | undefined {
    let min: number | undefined;
    for (const t of this.writers.values()) if (min === undefined || t < min) min = t;
    return min;
  }

  maintenance(): { type: string; message?: string } | null {
    const m = this.config['maintenance-mode'];
    if (typeof m !== 'string') return null;
    const type = /type=([a-z-]+)/.exec(m)?.[1] ?? 'read-only';
    const message = /message=("?)(.*?)\1(,|$)/.exec(m)?.[2];
    return message === undefined ? { type } : { type, message };
  }

  requireNs(ns: string): Map<string, Group> {
    const groups = this.namespaces.get(ns);
    if (!groups) throw enoent();
    return groups;
  }

  ensureNs(ns: string): Map<string, Group> {
    let groups = this.namespaces.get(ns);
    if (!groups) {
      const parts = ns.split('/');
      for (let i = 1; i < parts.length; i++) this.ensureNs(parts.slice(0, i).join('/'));
      groups = new Map();
      this.namespaces.set(ns, groups);
    }
    return groups;
  }
}
