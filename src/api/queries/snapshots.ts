import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGetJsonFile } from '@/api/client';
import { apiPath } from '@/api/path';
import type { ListedBackupType } from '@/api/schemas/common';
import { snapshotListSchema } from '@/api/schemas/content';
import { manifestSchema } from '@/api/schemas/manifest';
import { catalogListSchema } from '@/api/schemas/restore';
import { catalogParam, isSplitArchive } from '@/lib/catalog-path';
import { nsParam } from './content-params';
import { getData, type Server } from './server';
import { snapshotKeys, catalogKeys } from './keys';
export { snapshotKeys, catalogKeys } from './keys';

/** The snapshots of one namespace, or of one group in it. */
export interface SnapshotListRef {
  store: string;
  ns: string;
  group?: { type: ListedBackupType; id: string };
}

/** GET /admin/datastore/{store}/snapshots: what `list` reads (and the content view's compact copy, see features/content/api.ts). */
export function readSnapshotList(srv: Server, { store, ns, group }: SnapshotListRef, signal?: AbortSignal) {
  return getData(
    srv,
    apiPath`/admin/datastore/${store}/snapshots`,
    snapshotListSchema,
    { ...nsParam(ns), ...(group && { 'backup-type': group.type, 'backup-id': group.id }) },
    signal,
  );
}

export const snapshotQueries = {
  list: (srv: Server, { store, ns, group }: SnapshotListRef) =>
    queryOptions({
      queryKey: [...snapshotKeys.all(srv), 'list', { store, ns, group: group ?? null }],
      queryFn: ({ signal }) => readSnapshotList(srv, { store, ns, ...(group && { group }) }, signal),
    }),
};

export interface SnapshotRef {
  store: string;
  ns: string;
  type: ListedBackupType;
  id: string;
  time: number;
}

export const snapshotParams = ({ ns, type, id, time }: SnapshotRef) => ({
  ...nsParam(ns),
  'backup-type': type,
  'backup-id': id,
  'backup-time': time,
});

/** One snapshot's own files: its notes and its manifest. */
export const snapshotFileQueries = {
  notes: (srv: Server, t: SnapshotRef) =>
    queryOptions({
      queryKey: [...snapshotKeys.all(srv), 'notes', { ...t }],
      queryFn: ({ signal }) =>
        getData(srv, apiPath`/admin/datastore/${t.store}/notes`, z.string(), snapshotParams(t), signal),
    }),
  /**
   * `index.json.blob`, which PBS serves decoded as it is, without the {data} envelope: read through the
   * console's client (the embed shows no manifests).
   */
  manifest: (srv: Server, t: SnapshotRef) =>
    queryOptions({
      queryKey: [...snapshotKeys.all(srv), 'manifest', { ...t }],
      queryFn: ({ signal }) =>
        apiGetJsonFile(
          apiPath`/admin/datastore/${t.store}/download-decoded`,
          manifestSchema,
          { ...snapshotParams(t), 'file-name': 'index.json.blob' },
          { signal },
        ),
      staleTime: 5 * 60_000,
    }),
};

export interface ArchiveRef extends SnapshotRef {
  archive: string;
}

/** Split archives are named with `archive-name`; plain ones are the first component of the path. */
const archiveParam = (archive: string) => (isSplitArchive(archive) ? { 'archive-name': archive } : {});

/** A finished snapshot's catalog never changes: its own resource, which content changes leave alone. */
export const catalogQueries = {
  /** The entries of one directory (a path as `catalog-path` builds it). */
  dir: (srv: Server, ref: ArchiveRef, path: string) =>
    queryOptions({
      queryKey: [...catalogKeys.all(srv), { ...ref, path }],
      queryFn: ({ signal }) =>
        getData(
          srv,
          apiPath`/admin/datastore/${ref.store}/catalog`,
          catalogListSchema,
          { ...snapshotParams(ref), filepath: catalogParam(path), ...archiveParam(ref.archive) },
          signal,
        ),
      staleTime: Infinity,
    }),
};
