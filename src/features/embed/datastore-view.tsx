import { lazy, Suspense } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { StoreTile } from './store-tile';
import { SummariesGate } from './summaries-gate';
import { useStoreSummaries } from './use-store-summaries';

// recharts loads only with the chart
const UsageHistoryChart = lazy(() =>
  import('@/components/ui/usage-history-chart').then((m) => ({ default: m.UsageHistoryChart })),
);

/** /embed/datastore/:store: one datastore's tile with its usage chart. */
export function DatastoreView({ store }: { store: string }) {
  const state = useStoreSummaries();
  return (
    <SummariesGate state={state}>
      {({ summaries, now }) => {
        const summary = summaries.find((s) => s.usage.store === store);
        if (!summary) {
          return (
            <p role="alert" className="text-sm">
              No datastore named “{store}” is visible to this deck.
            </p>
          );
        }
        return (
          <>
            <h1 className="sr-only">Datastore {store}</h1>
            <StoreTile
              summary={summary}
              now={now}
              chart={
                <Suspense fallback={<Skeleton className="h-[72px]" label="Loading chart…" />}>
                  <UsageHistoryChart usage={summary.usage} height={72} />
                </Suspense>
              }
            />
          </>
        );
      }}
    </SummariesGate>
  );
}
