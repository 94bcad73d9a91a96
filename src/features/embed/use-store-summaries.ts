import { useQuery } from '@tanstack/react-query';
import { serverNow } from '@/api/server-clock';
import { embedQueries } from './api';
import { failedSince, summarizeStore, type StoreSummary } from './store-summary';

export type SummariesState =
  | { kind: 'loading' }
  | { kind: 'error'; error: Error; retry: () => void }
  | { kind: 'ready'; summaries: StoreSummary[]; failed24h: number; now: number; stale: Error | null };

/** The datastore tiles' data: usage with the tasks and jobs that explain it. */
export function useStoreSummaries(): SummariesState {
  const usage = useQuery(embedQueries.usage());
  const tasks = useQuery(embedQueries.recentTasks());
  const gc = useQuery(embedQueries.gcJobs());
  const verify = useQuery(embedQueries.verifyJobs());

  if (usage.isPending) return { kind: 'loading' };
  if (!usage.data)
    return { kind: 'error', error: usage.error ?? new Error('no data'), retry: () => void usage.refetch() };
  const now = serverNow();
  const taskList = tasks.data ?? [];
  const summaries = [...usage.data]
    .sort((a, b) => a.store.localeCompare(b.store))
    .map((u) => summarizeStore(u, taskList, gc.data ?? [], verify.data ?? [], now));
  return { kind: 'ready', summaries, failed24h: failedSince(taskList, now).length, now, stale: usage.error };
}
