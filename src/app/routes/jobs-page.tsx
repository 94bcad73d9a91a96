import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { widgetFallback } from '@/components/ui/widget-fallback';
import { JobsTable } from '@/features/jobs/jobs-table';
import { CreateVerifyJobButton } from '@/features/verify/verify-job-dialogs';
import { VerifyHistory } from '@/features/verify/verify-history';
import { can } from '../can';
import { appQueries } from '../queries';
import { useSession } from '../session';
import { JobRowActions } from './job-row-actions';

const aclPath = (store: string, ns: string) => `/datastore/${store}${ns ? `/${ns}` : ''}`;

// What PBS checks to start each kind of job (pbs-api.md §8, §11–§13).
const RUN_PRIV = {
  gc: 'Datastore.Modify',
  verify: 'Datastore.Verify',
  prune: 'Datastore.Modify',
  sync: 'Datastore.Backup',
} as const;

/** The jobs of every datastore, or of one: the table, adding verify jobs, and one verify job's runs (`?history=store:id`). */
export function JobsPage({ store }: { store?: string }) {
  const user = useSession()?.username ?? '';
  const { data: permissions } = useQuery({ ...appQueries.permissions(user), enabled: user !== '' });
  const [params, setParams] = useSearchParams();
  const [historyStore, historyId] = (params.get('history') ?? '').split(':');
  const mayCreate = can(permissions, store ? `/datastore/${store}` : '/datastore', 'Datastore.Verify');
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{store ? `Jobs of ${store}` : 'Jobs'}</h1>
        {mayCreate ? <CreateVerifyJobButton store={store} /> : null}
      </div>
      {historyStore && historyId ? (
        <Card aria-labelledby="verify-runs-title">
          <CardHeader
            id="verify-runs-title"
            title={`Runs of verify job ${historyId}`}
            actions={
              <Button
                size="sm"
                variant="ghost"
                onClick={() =>
                  setParams((p) => {
                    const next = new URLSearchParams(p);
                    next.delete('history');
                    return next;
                  })
                }
              >
                Close
              </Button>
            }
          />
          <ErrorBoundary fallback={widgetFallback('the runs of this job')}>
            <VerifyHistory key={`${historyStore}:${historyId}`} store={historyStore} id={historyId} />
          </ErrorBoundary>
        </Card>
      ) : null}
      <ErrorBoundary fallback={widgetFallback('the jobs')}>
        <JobsTable
          store={store}
          mayRun={(row) =>
            can(
              permissions,
              row.kind === 'gc' || row.kind === 'sync' ? `/datastore/${row.store}` : aclPath(row.store, row.ns),
              RUN_PRIV[row.kind],
            )
          }
          rowActions={(row) => (
            <JobRowActions
              row={row}
              mayEdit={can(
                permissions,
                aclPath(row.store, row.ns),
                row.kind === 'verify' ? 'Datastore.Verify' : 'Datastore.Modify',
              )}
            />
          )}
        />
      </ErrorBoundary>
    </div>
  );
}
