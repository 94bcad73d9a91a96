import { useParams, useSearchParams } from 'react-router';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { widgetFallback } from '@/components/ui/widget-fallback';
import { DatastoreSummary } from '@/features/datastores/datastore-summary';
import { GcHistoryChart } from '@/features/gc/gc-history-chart';
import { GcRunButton } from '@/features/gc/gc-run-button';
import { GcSchedulePanel } from '@/features/gc/gc-schedule-panel';
import { PruneJobs } from '@/features/prune/prune-jobs';
import { PrunePreview } from '@/features/prune/prune-preview';
import { useSession } from '../session';
import { useCan } from '../use-can';
import { DatastoreTabs } from './datastore-tabs';

export default function DatastoreSummaryRoute() {
  const store = useParams().store ?? '';
  const [params, setParams] = useSearchParams();
  const pruneNs = params.get('prune-ns') ?? '';
  const user = useSession()?.username ?? '';
  const mayModify = useCan(`/datastore/${store}`, 'Datastore.Modify');
  // Datastore.Prune lets a user prune the groups they own; PBS checks ownership per group
  const mayPrune = useCan(`/datastore/${store}`, 'Datastore.Prune') || mayModify;
  return (
    <>
      <DatastoreTabs store={store} />
      <DatastoreSummary
        key={store}
        store={store}
        user={user}
        gcAction={mayModify ? <GcRunButton store={store} /> : null}
      />
      <div key={`jobs-${store}`} className="mt-4 space-y-4">
        <ErrorBoundary fallback={widgetFallback('the garbage collection schedule')}>
          <GcSchedulePanel store={store} canModify={mayModify} />
        </ErrorBoundary>
        <ErrorBoundary fallback={widgetFallback('the garbage collection history')}>
          <GcHistoryChart store={store} />
        </ErrorBoundary>
        <section aria-label="Prune" className="space-y-4">
          <ErrorBoundary fallback={widgetFallback('the prune jobs')}>
            <PruneJobs store={store} permissions={{ modify: () => mayModify }} />
          </ErrorBoundary>
          <ErrorBoundary fallback={widgetFallback('the prune preview')}>
            <PrunePreview
              store={store}
              ns={pruneNs}
              canPrune={mayPrune}
              onNamespaceChange={(ns) =>
                setParams(
                  (p) => {
                    const next = new URLSearchParams(p);
                    if (ns) next.set('prune-ns', ns);
                    else next.delete('prune-ns');
                    return next;
                  },
                  { replace: true },
                )
              }
            />
          </ErrorBoundary>
        </section>
      </div>
    </>
  );
}
