import type { ReactNode } from 'react';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { widgetFallback } from '@/components/ui/widget-fallback';
import { CostliestGroupsCard } from './costliest-groups-card';
import { DatastoreCards } from './datastore-cards';
import { RecentTasksCard } from './recent-tasks-card';
import { ServerHealthCard } from './server-health-card';

/** `failedJobs`: the failed-jobs card, composed by the route from the tasks feature. */
export function DashboardPage({ failedJobs }: { failedJobs?: ReactNode }) {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Dashboard</h1>
      {failedJobs}
      <section aria-labelledby="datastores-title" className="space-y-3">
        <h2 id="datastores-title" className="text-base font-semibold">
          Datastores
        </h2>
        <ErrorBoundary fallback={widgetFallback('the datastores')}>
          <DatastoreCards />
        </ErrorBoundary>
      </section>
      <ErrorBoundary fallback={widgetFallback('the largest unique costs')}>
        <CostliestGroupsCard />
      </ErrorBoundary>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <ErrorBoundary fallback={widgetFallback('the server status')}>
          <ServerHealthCard />
        </ErrorBoundary>
        <ErrorBoundary fallback={widgetFallback('the tasks')}>
          <RecentTasksCard />
        </ErrorBoundary>
      </div>
    </div>
  );
}
