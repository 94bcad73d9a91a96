// Index files (`.fidx`, `.didx`) as PBS stores them, for the space account. Apart from snapshots.ts so the
// console's first script, which lists snapshots early, does not carry it.
import { apiDownload } from '@/api/client';
import { apiPath } from '@/api/path';
import { snapshotParams, type SnapshotRef } from './snapshots';

/**
 * GET …/download of one index file (`.fidx`, `.didx`), as PBS stores it: the chunk digests the space account reads.
 * Not a cached query: the account streams thousands of them once and keeps what it learnt, not the bytes.
 */
export async function downloadIndexFile(t: SnapshotRef, name: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const response = await apiDownload(
    apiPath`/admin/datastore/${t.store}/download`,
    { ...snapshotParams(t), 'file-name': name },
    { signal },
  );
  return response.arrayBuffer();
}
