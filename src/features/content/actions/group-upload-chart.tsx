import { useQueries, useQuery } from '@tanstack/react-query';
import type { GroupItem } from '@/api/schemas/content';
import { LineChart } from '@/components/ui/line-chart';
import type { ChartPoint } from '@/components/ui/chart-types';
import { formatBytes } from '@/lib/format-bytes';
import { formatDate } from '@/lib/format-time';
import { contentQueries } from '../api';
import { groupName, groupTarget } from './names';
import { offer, usePermissionsAt, type ContentPermissions } from './permissions';

export interface GroupUploadChartProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;
  group: GroupItem;
}

/** Manifests read per chart: one request each, so a 1000-snapshot group shows its latest backups only. */
const MAX_POINTS = 30;
const muted = 'text-sm text-neutral-600 dark:text-neutral-400';

/** New bytes per backup over time, from each manifest's upload statistics. */
export function GroupUploadChart({ store, ns, permissions: base, group }: GroupUploadChartProps) {
  const permissions = usePermissionsAt(base, ns);
  const target = groupTarget(store, ns, group);
  // manifests are downloaded: Datastore.Read, or Datastore.Backup as the group's owner (download_file_decoded)
  const read = offer(permissions, 'download', group.owner);
  const snapshots = useQuery({ ...contentQueries.snapshots(target), enabled: read.offered });
  const finished = (snapshots.data?.items ?? [])
    .filter((s) => s.size !== undefined)
    .sort((a, b) => a['backup-time'] - b['backup-time'])
    .slice(-MAX_POINTS);
  const manifests = useQueries({
    queries: finished.map((s) => ({
      ...contentQueries.manifest({ ...target, time: s['backup-time'] }),
      enabled: read.offered,
    })),
  });
  if (!read.offered) return <p className={muted}>New bytes per backup unknown: reading manifests: {read.reason}.</p>;
  const points: ChartPoint[] = [];
  let unknown = 0;
  manifests.forEach((m, i) => {
    const stats = m.data?.unprotected?.chunk_upload_stats;
    const time = finished[i]?.['backup-time'];
    if (time === undefined) return;
    if (stats) points.push({ time, uploaded: stats.size, compressed: stats.compressed_size });
    else if (m.isFetched) unknown++;
  });
  const loading = snapshots.isPending || manifests.some((m) => m.isPending);
  return (
    <section aria-label={`New data per backup of ${groupName(target)}`} className="space-y-1">
      <h3 className="text-sm font-semibold">New data per backup</h3>
      {loading ? <p className={muted}>Reading manifests…</p> : null}
      {points.length > 0 ? (
        <LineChart
          label={`New bytes per backup of ${groupName(target)}, last ${points.length} backups`}
          data={points}
          series={[
            { key: 'uploaded', label: 'Uploaded' },
            { key: 'compressed', label: 'Stored (compressed)' },
          ]}
          formatValue={formatBytes}
          formatTime={(t) => formatDate(t)}
        />
      ) : null}
      {unknown > 0 ? (
        <p className={muted}>{unknown} backups keep no upload statistics in their manifest; they are left out.</p>
      ) : null}
      {(snapshots.data?.items.length ?? 0) > finished.length && finished.length === MAX_POINTS ? (
        <p className={muted}>Showing the latest {MAX_POINTS} backups.</p>
      ) : null}
    </section>
  );
}
