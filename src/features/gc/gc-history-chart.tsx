import { AreaChart } from '@/components/ui/area-chart';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { LineChart } from '@/components/ui/line-chart';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDedupFactor } from '@/lib/dedup';
import { formatBytes } from '@/lib/format-bytes';
import { formatDate } from '@/lib/format-time';
import { GC_HISTORY_RUNS } from './api';
import { gcBytesSeries, gcDedupSeries } from './gc-series';
import { GcRunsTable } from './gc-runs-table';
import { useGcHistory } from './use-gc-history';

const dayLabel = (t: number) => formatDate(t).slice(5);

/** Removed and pending bytes and the dedup factor of the last runs, read from their task logs. */
export function GcHistoryChart({ store }: { store: string }) {
  const { rows, isPending, error } = useGcHistory(store);
  const latest = rows.at(-1);

  return (
    <Card aria-labelledby="gc-history-title">
      <CardHeader id="gc-history-title" title="Garbage collection history" />
      {isPending && rows.length === 0 ? (
        <Skeleton className="h-40" label="Loading garbage collection history…" />
      ) : null}
      {error ? <ErrorState title="Cannot read all garbage collection logs" message={error.message} /> : null}
      {!isPending && rows.length === 0 && !error ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No finished garbage collection to show yet.</p>
      ) : null}
      {latest ? (
        <>
          <p className="mb-2 text-sm" data-testid="gc-history-summary">
            {rows.length} {rows.length === 1 ? 'run' : 'runs'} (of the last {GC_HISTORY_RUNS} tasks); latest: dedup
            factor <strong>{formatDedupFactor(latest.dedup)}</strong>, removed {formatBytes(latest.removed)}, pending{' '}
            {formatBytes(latest.pending)}
          </p>
          <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-2">
            <div>
              <h3 className="mb-1 text-sm font-medium">Removed and pending data per run</h3>
              <AreaChart
                label="Removed and pending data per garbage collection run"
                data={gcBytesSeries(rows)}
                series={[
                  { key: 'removed', label: 'Removed' },
                  { key: 'pending', label: 'Pending' },
                ]}
                formatValue={formatBytes}
                formatTime={dayLabel}
              />
            </div>
            <div>
              <h3 className="mb-1 text-sm font-medium">Deduplication factor after each run</h3>
              <LineChart
                label="Deduplication factor after each garbage collection run"
                data={gcDedupSeries(rows)}
                series={[{ key: 'dedup', label: 'Dedup factor' }]}
                formatValue={formatDedupFactor}
                formatTime={dayLabel}
                domain={[0, Math.ceil(Math.max(...rows.map((r) => r.dedup)) + 1)]}
              />
            </div>
          </div>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium">Runs as a table</summary>
            <GcRunsTable rows={rows} />
          </details>
        </>
      ) : null}
    </Card>
  );
}
