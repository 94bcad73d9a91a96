// What one backup added and reused, from its index files (DESIGN.md, "Space accounting"): added = its distinct chunks
// not in the next-older finished snapshot of its group, reused = the rest. Only the two snapshots' index files are
// read (from this browser's cache where kept), not the whole datastore.
import { currentUser } from '@/api/session-state';
import type { QueryClient } from '@tanstack/react-query';
import { defaultServer } from '@/api/queries/default-server';
import { snapshotQueries } from '@/api/queries/snapshots';
import type { ListedBackupType } from '@/api/schemas/common';
import { readableItems } from '@/lib/item-error';
import type { Space } from '@/lib/space/types';
import { accountSnapshot, readAccount, serverName, type Listed } from './account';

export interface AddedTarget {
  store: string;
  ns: string;
  type: ListedBackupType;
  id: string;
  time: number;
}

export interface AddedSpace {
  /** the snapshot's distinct chunks */
  distinct: Space;
  /** not in the previous backup: what this one brought */
  added: Space;
  /** also in the previous backup */
  reused: Space;
  /** the previous backup's time; null for the group's oldest (everything counts as added) */
  previous: number | null;
}

export async function addedSpace(client: QueryClient, t: AddedTarget, signal: AbortSignal): Promise<AddedSpace> {
  const group = { type: t.type, id: t.id };
  const list = readableItems(
    await client.fetchQuery(snapshotQueries.list(defaultServer, { store: t.store, ns: t.ns, group })),
  );
  const finished = list.filter((s) => s.size !== undefined).sort((a, b) => a['backup-time'] - b['backup-time']);
  const at = finished.findIndex((s) => s['backup-time'] === t.time);
  if (at < 0) throw new Error('the snapshot is not listed as finished');
  const chosen = finished.slice(Math.max(0, at - 1), at + 1);
  const snapshots = chosen.map((s) => accountSnapshot(t.ns, s));
  // added and reused compare two backups of one group: what other groups hold does not enter
  const listed: Listed = {
    server: await serverName(client),
    user: currentUser() ?? '',
    snapshots,
    unfinished: 0,
    ownGroupsOnly: [],
  };
  // two snapshots: the engine runs here, a worker would cost more than it saves
  const report = await readAccount(t.store, listed, { signal, inThread: true, onProgress: () => {} });
  const mine = report.snapshots.find((s) => s.time === t.time);
  if (!mine) throw new Error('the snapshot vanished while its index files were read');
  return {
    distinct: mine.distinct,
    added: mine.added,
    reused: { chunks: mine.distinct.chunks - mine.added.chunks, bytes: mine.distinct.bytes - mine.added.bytes },
    previous: chosen.length === 2 ? (chosen[0]?.['backup-time'] ?? null) : null,
  };
}
