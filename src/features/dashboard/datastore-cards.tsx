import { useQuery } from '@tanstack/react-query';
import { serverNow } from '@/api/client';
import { Button } from '@/components/ui/button';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { dashboardQueries } from './api';
import { DatastoreCard } from './datastore-card';
import { verifyHealth } from './verify-health';

export function DatastoreCards() {
  const usage = useQuery(dashboardQueries.usage());
  const list = useQuery(dashboardQueries.datastores());
  const gc = useQuery(dashboardQueries.gcJobs());
  const verify = useQuery(dashboardQueries.verifyJobs());
  const tasks = useQuery(dashboardQueries.recentTasks());

  if (usage.isPending) return <Skeleton className="h-64" label="Loading datastores…" />;
  if (usage.error && !usage.data) {
    return (
      <ErrorState
        title="Cannot load datastore usage"
        message={usage.error.message}
        action={
          <Button size="sm" onClick={() => void usage.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }
  const entries = [...usage.data].sort((a, b) => a.store.localeCompare(b.store));
  const tasksRead = tasks.data?.items;
  if (entries.length === 0) return <p className="text-sm">No datastores configured.</p>;

  const now = serverNow();
  return (
    <>
      {usage.error ? (
        <p role="status" className="mb-2 text-xs text-amber-800 dark:text-amber-300">
          Figures not refreshed: {usage.error.message}
        </p>
      ) : null}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {entries.map((entry) => {
          const data = {
            entry,
            info: list.data?.find((d) => d.store === entry.store),
            gcJob: gc.data?.find((j) => j.store === entry.store),
            runningGc: tasksRead?.find(
              (t) => t.worker_type === 'garbage_collection' && t.worker_id === entry.store && t.endtime === undefined,
            ),
            verify: verify.error
              ? ({ kind: 'unknown', reason: 'cannot read verify jobs' } as const)
              : verifyHealth(entry.store, verify.data, tasksRead, now),
          };
          return (
            <ErrorBoundary
              key={entry.problem ? `#${entry.problem.index}` : entry.store}
              fallback={(error) => (
                <ErrorState
                  title={`Cannot show datastore ${entry.store}`}
                  message={error instanceof Error ? error.message : String(error)}
                />
              )}
            >
              <DatastoreCard data={data} now={now} />
            </ErrorBoundary>
          );
        })}
      </div>
    </>
  );
}
