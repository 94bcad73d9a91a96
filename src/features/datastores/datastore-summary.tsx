import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { FreeText } from '@/components/ui/free-text';
import { ItemProblem } from '@/components/ui/item-problem';
import { widgetFallback } from '@/components/ui/widget-fallback';
import { StoreMarks } from '@/components/ui/store-marks';
import { datastoreQueries } from './api';
import { ConnectionInfo } from './connection-info';
import { GcPanel } from './gc-panel';
import { RrdCharts } from './rrd-charts';
import { UsagePanel } from './usage-panel';

interface DatastoreSummaryProps {
  store: string;
  user: string;
  /** The "Start garbage collection" action, present only when the user may run it. */
  gcAction?: ReactNode;
}

export function DatastoreSummary({ store, user, gcAction }: DatastoreSummaryProps) {
  const { data: list } = useQuery(datastoreQueries.list());
  const info = list?.items.find((d) => d.store === store);
  const problem = list?.failed.find((f) => f.label === store);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">Datastore {store}</h1>
        <StoreMarks
          maintenance={info?.maintenance}
          mountStatus={info?.['mount-status']}
          backendType={info?.['backend-type']}
        />
      </div>
      {problem ? <ItemProblem error={problem} what="the settings of datastore" /> : null}
      {info?.comment ? (
        <p className="text-sm break-words text-neutral-700 dark:text-neutral-300">
          <FreeText text={info.comment} />
        </p>
      ) : null}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2">
        <ErrorBoundary fallback={widgetFallback('the usage')}>
          <UsagePanel store={store} />
        </ErrorBoundary>
        <ErrorBoundary fallback={widgetFallback('the garbage collection')}>
          <GcPanel store={store} actions={gcAction} />
        </ErrorBoundary>
      </div>
      <ErrorBoundary fallback={widgetFallback('the connection information')}>
        <ConnectionInfo store={store} user={user} />
      </ErrorBoundary>
      <ErrorBoundary fallback={widgetFallback('the statistics')}>
        <RrdCharts store={store} />
      </ErrorBoundary>
    </div>
  );
}
