import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { parseGcLog } from '@/lib/gc-log';
import { gcQueries } from './api';
import { gcHistoryRows, type GcRun } from './gc-series';

/**
 * Past GC runs of a store with the figures read from their logs (each finished log is read once). A run
 * that ends while the page is open refreshes the GC status through api/queries/invalidation.ts.
 */
export function useGcHistory(store: string) {
  const runsQuery = useQuery(gcQueries.runs(store));
  const finished = useMemo(() => (runsQuery.data ?? []).filter((t) => t.endtime !== undefined), [runsQuery.data]);
  const logs = useQueries({ queries: finished.map((t) => gcQueries.log(t.upid)) });

  const runs: GcRun[] = finished.map((t, i) => {
    const lines = logs[i]?.data;
    return {
      upid: t.upid,
      starttime: t.starttime,
      ...(t.endtime !== undefined && { endtime: t.endtime }),
      ...(t.status !== undefined && { status: t.status }),
      ...(lines && { summary: parseGcLog(lines) }),
    };
  });
  const rows = gcHistoryRows(runs);

  return {
    rows,
    isPending: runsQuery.isPending || logs.some((l) => l.isPending),
    error: runsQuery.error ?? logs.find((l) => l.error)?.error ?? null,
  };
}
