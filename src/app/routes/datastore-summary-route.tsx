import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { widgetFallback } from '@/components/ui/widget-fallback';
import { DatastoreSummary } from '@/features/datastores/datastore-summary';
import { GcHistoryChart } from '@/features/gc/gc-history-chart';
import { GcRunButton } from '@/features/gc/gc-run-button';
import { GcSchedulePanel } from '@/features/gc/gc-schedule-panel';
import { pruneQueries } from '@/features/prune/api';
import { PruneJobs, type PrunePermissions } from '@/features/prune/prune-jobs';
import { PrunePreview } from '@/features/prune/prune-preview';
import { datastoreAclPath, offerOf } from '@/lib/access-rules';
import { useSession } from '../session';
import { useCan, usePathPrivileges } from '../use-can';
import { DatastoreTabs } from './datastore-tabs';
import { useJobsAccess } from './job-access';

export default function DatastoreSummaryRoute() {
  const store = useParams().store ?? '';
  const [params, setParams] = useSearchParams();
  const pruneNs = params.get('prune-ns') ?? '';
  const user = useSession()?.username ?? '';
  // start_garbage_collection and update_datastore (the GC schedule) check /datastore/<store>
  const mayModify = useCan(datastoreAclPath(store), 'Datastore.Modify');
  // PBS's prune of a group checks its namespace: Datastore.Modify for any group, Datastore.Prune for the user's own
  const prunePath = datastoreAclPath(store, pruneNs);
  const pruneNsPrivs = usePathPrivileges(prunePath).privs;
  const mayPrune = (owner: string | undefined) =>
    offerOf('pruneGroup', { privs: pruneNsPrivs, path: prunePath, authId: user, owner }).offered;
  // each prune job is run, edited and removed by its own path's privileges, as the jobs page decides them
  const pruneJobs = useQuery(pruneQueries.jobs(store));
  const pruneTarget = (ns: string) => ({ kind: 'prune' as const, store, ns });
  const jobs = useJobsAccess([pruneTarget(''), ...(pruneJobs.data?.data ?? []).map((j) => pruneTarget(j.ns ?? ''))]);
  const prunePermissions: PrunePermissions = {
    known: jobs.known,
    // the new job's namespace is the root until the dialog changes it
    add: jobs.of(pruneTarget('')).edit,
    job: (job) => jobs.of(pruneTarget(job.ns ?? '')).edit,
  };
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
            <PruneJobs store={store} permissions={prunePermissions} />
          </ErrorBoundary>
          <ErrorBoundary fallback={widgetFallback('the prune preview')}>
            <PrunePreview
              store={store}
              ns={pruneNs}
              canPrune={mayPrune}
              atMost={!pruneNsPrivs.has('Datastore.Audit')}
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
