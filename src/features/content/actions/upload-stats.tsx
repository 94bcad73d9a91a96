import { useQueries, useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { SnapshotItem } from '@/api/schemas/content';
import { ErrorState } from '@/components/ui/error-state';
import { summarizeManifestStats } from '@/lib/upload-stats';
import { contentQueries } from '../api';
import { backupLogStats, backupTaskQuery, contentActionQueries, type SnapshotTarget } from './actions-api';
import { ArchiveStatsTable } from './archive-stats-table';
import { LazyAddedBytes } from './lazy-added-bytes';
import { snapshotTarget } from './names';
import { offer, type ContentPermissions } from './permissions';
import { UploadFigures } from './upload-figures';

export interface UploadStatsProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;
  snapshot: SnapshotItem;
}

/** The backup task's log among the store's backup tasks of the snapshot's time, read once each; null when PBS keeps none. */
function useBackupLog(target: SnapshotTarget, enabled: boolean) {
  const candidates = useQuery({ ...backupTaskQuery(target), enabled });
  const logs = useQueries({
    queries: (candidates.data ?? []).map((upid) => ({ ...contentActionQueries.backupLog(upid), staleTime: Infinity })),
  });
  const found = backupLogStats(
    target,
    (candidates.data ?? []).map((upid, i) => ({ upid, lines: logs[i]?.data?.lines })),
  );
  const error = candidates.error ?? logs.find((l) => l.error)?.error ?? null;
  const isPending = enabled && !found && !error && (candidates.isPending || logs.some((l) => l.isPending));
  return { data: found, error, isPending, isSuccess: enabled && !isPending && !error };
}

const muted = 'text-sm text-neutral-600 dark:text-neutral-400';

/**
 * What this backup added: the manifest's totals (kept as long as the snapshot) and, while PBS still has the
 * backup task's log, its per-archive lines. Whatever is not recorded is said to be unknown.
 */
export function UploadStats({ store, ns, permissions, snapshot }: UploadStatsProps) {
  const target = snapshotTarget(store, ns, snapshot);
  const finished = snapshot.size !== undefined;
  // the manifest is downloaded: Datastore.Read, or Datastore.Backup as the group's owner (download_file_decoded)
  const read = offer(permissions, 'download', snapshot.owner);
  const manifest = useQuery({ ...contentQueries.manifest(target), enabled: read.offered && finished });
  const log = useBackupLog(target, finished);
  const summary = summarizeManifestStats(manifest.data?.unprotected?.chunk_upload_stats);
  return (
    <section aria-label="Upload statistics" className="space-y-2">
      <h3 className="text-sm font-semibold">What this backup uploaded</h3>
      {!finished ? (
        <p className={muted}>The backup is still running; its statistics are written when it finishes.</p>
      ) : null}
      {finished && !read.offered ? <p className={muted}>Unknown: reading the manifest: {read.reason}.</p> : null}
      {manifest.error ? <ErrorState title="The manifest could not be read" message={manifest.error.message} /> : null}
      {manifest.isSuccess && !summary ? (
        <p className={muted}>
          Unknown: the manifest keeps no upload statistics (written by an old client, or copied by a sync job).
        </p>
      ) : null}
      {summary ? <UploadFigures summary={summary} /> : null}
      {finished && read.offered ? (
        <Suspense fallback={null}>
          <LazyAddedBytes target={target} />
        </Suspense>
      ) : null}
      {log.isPending ? <p className={muted}>Looking for the backup task log…</p> : null}
      {log.error ? (
        <p className={muted}>Per-archive figures unknown: the task list could not be read ({log.error.message}).</p>
      ) : null}
      {log.isSuccess && log.data === null ? (
        <p className={muted}>
          Per-archive figures unknown: PBS no longer keeps the log of the backup task that wrote this snapshot.
        </p>
      ) : null}
      {log.data ? <ArchiveStatsTable upid={log.data.upid} stats={log.data.stats} /> : null}
    </section>
  );
}
