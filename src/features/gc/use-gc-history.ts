import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { parseGcLog } from '@/lib/gc-log';
import { gcQueries } from './api';
import { gcHistoryRows, type GcRun } from './gc-series';

/** Past GC runs of a store with the figures read from their logs (each finished log is read once). */
export function useGcHistory(store: string) {
  const queryClient = useQueryClient();
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

  // A run that ended after the page had loaded (a schedule fired) changed the last result and the next run.
  const loaded = runsQuery.data !== undefined;
  const newest = finished[0]?.upid ?? null;
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!loaded || newest === seen.current) return;
    const first = seen.current === undefined;
    seen.current = newest;
    if (first) return;
    void queryClient.invalidateQueries({ queryKey: ['gc', 'status'] });
    void queryClient.invalidateQueries({ queryKey: ['datastores'] });
  }, [loaded, newest, queryClient]);

  return {
    rows,
    isPending: runsQuery.isPending || logs.some((l) => l.isPending),
    error: runsQuery.error ?? logs.find((l) => l.error)?.error ?? null,
  };
}
