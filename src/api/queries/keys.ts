/*
 * Every query key prefix of the query layer, apart from the factories: the query client's invalidation
 * reads these, and this file pulls in no schema or request code, so the console's entry stays small.
 */
import type { JobKind } from './jobs';
import { serverKey, type Server } from './server';
import type { ArchiveRef } from './snapshots';

export const accessKeys = {
  all: (srv: Server | string) => [...serverKey(srv), 'access'] as const,
  permissions: (srv: Server | string) => [...serverKey(srv), 'access', 'permissions'] as const,
};

export const datastoreKeys = {
  all: (srv: Server | string) => [...serverKey(srv), 'datastores'] as const,
  status: (srv: Server | string) => [...serverKey(srv), 'datastores', 'status'] as const,
  usage: (srv: Server | string) => [...serverKey(srv), 'datastores', 'usage'] as const,
  gc: (srv: Server | string) => [...serverKey(srv), 'datastores', 'gc'] as const,
  config: (srv: Server | string) => [...serverKey(srv), 'datastores', 'config'] as const,
};

export const deckKeys = {
  all: (srv: Server | string) => [...serverKey(srv), 'deck'] as const,
};

/** Whether `key` is one of the deck's own settings (kept when a server's data is dropped). */
export const isDeckKey = (key: readonly unknown[]) => key[0] === 'srv' && key[2] === 'deck';

export const groupKeys = {
  all: (srv: Server | string) => [...serverKey(srv), 'groups'] as const,
};

export const jobKeys = {
  all: (srv: Server | string) => [...serverKey(srv), 'jobs'] as const,
  kind: (srv: Server | string, kind: JobKind) => [...serverKey(srv), 'jobs', kind] as const,
};

export const namespaceKeys = {
  all: (srv: Server | string) => [...serverKey(srv), 'namespaces'] as const,
};

export const nodeKeys = {
  all: (srv: Server | string) => [...serverKey(srv), 'node'] as const,
};

export const pruneKeys = {
  all: (srv: Server | string) => [...serverKey(srv), 'prune'] as const,
};

export const snapshotKeys = {
  all: (srv: Server | string) => [...serverKey(srv), 'snapshots'] as const,
};

export const catalogKeys = {
  all: (srv: Server | string) => [...serverKey(srv), 'catalog'] as const,
  /** Every loaded directory of one archive. */
  archive: (srv: Server | string, ref: ArchiveRef) => [...serverKey(srv), 'catalog', ref] as const,
};

export const taskKeys = {
  all: (srv: Server | string) => [...serverKey(srv), 'tasks'] as const,
  lists: (srv: Server | string) => [...serverKey(srv), 'tasks', 'list'] as const,
  status: (srv: Server | string, upid: string) => [...serverKey(srv), 'tasks', 'status', upid] as const,
  log: (srv: Server | string, upid: string) => [...serverKey(srv), 'tasks', 'log', upid] as const,
};

export const pveKeys = {
  all: ['pve'] as const,
  guests: ['pve', 'guests'] as const,
  nextId: ['pve', 'nextid'] as const,
};
