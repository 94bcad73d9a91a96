import { queryOptions } from '@tanstack/react-query';
import { apiDownload, apiPath } from '@/api/client';
import { defaultServer } from '@/api/queries/default-server';
import { catalogKeys, catalogQueries, snapshotQueries } from '@/api/queries/snapshots';
import type { BackupType } from '@/api/schemas/common';
import { readableItems, type ItemError } from '@/lib/item-error';
import type { SnapshotItem } from '@/api/schemas/content';
import { encodeCatalogPath, isSplitArchive } from '@/lib/catalog-path';

export interface SnapshotRef {
  store: string;
  ns: string;
  type: BackupType;
  id: string;
  time: number;
}

export interface ArchiveRef extends SnapshotRef {
  archive: string;
}

/** The snapshot's address as PBS's per-snapshot calls take it; `ns` only off the root. */
export function snapshotParams({ ns, type, id, time }: SnapshotRef) {
  return { ...(ns === '' ? {} : { ns }), 'backup-type': type, 'backup-id': id, 'backup-time': time };
}

/** Split archives are named with `archive-name`; plain ones are the first component of the path. */
const archiveParam = (archive: string) => (isSplitArchive(archive) ? { 'archive-name': archive } : {});

/*
 * A finished snapshot never changes, so its catalog is fetched once per session (staleTime Infinity);
 * the snapshot itself may be pruned meanwhile, which the next visit of the page finds out.
 */
export const restoreQueries = {
  snapshot: (ref: SnapshotRef) =>
    queryOptions({
      ...snapshotQueries.list(defaultServer, { store: ref.store, ns: ref.ns, group: { type: ref.type, id: ref.id } }),
      select: (list: (SnapshotItem | ItemError)[]) =>
        readableItems(list).find((s) => s['backup-time'] === ref.time) ?? null,
    }),
  /** The entries of one directory (a path as `catalog-path` builds it). */
  catalog: (ref: ArchiveRef, path: string) => catalogQueries.dir(defaultServer, ref, path),
};

/** Query-key prefix of every loaded directory of one archive (for the search over loaded directories). */
export const catalogKeyPrefix = (ref: ArchiveRef) => catalogKeys.archive(defaultServer, ref);

/** Whether a query key is one of a catalog directory. */
export const isCatalogKey = (key: readonly unknown[]) =>
  catalogKeys.all(defaultServer).every((part, i) => key[i] === part);

/** One file as it is, or a directory as zip (tar.zst with `tar`), streamed by PBS. */
export function downloadPxar(ref: ArchiveRef, path: string, options: { tar?: boolean; signal?: AbortSignal } = {}) {
  return apiDownload(
    apiPath`/admin/datastore/${ref.store}/pxar-file-download`,
    {
      ...snapshotParams(ref),
      filepath: encodeCatalogPath(path),
      ...(options.tar ? { tar: true } : {}),
      ...archiveParam(ref.archive),
    },
    { signal: options.signal },
  );
}

/** A whole archive or blob of the snapshot, decoded (images raw, pxar archives as a pxar stream). */
export function downloadDecoded(ref: SnapshotRef, fileName: string, signal?: AbortSignal) {
  return apiDownload(
    apiPath`/admin/datastore/${ref.store}/download-decoded`,
    { ...snapshotParams(ref), 'file-name': fileName },
    { signal },
  );
}

/** The byte stream of a download's answer. */
export function bodyOf(response: Response): ReadableStream<Uint8Array> {
  if (!response.body) throw new Error('The server sent no content');
  return response.body;
}
