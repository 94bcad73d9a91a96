import { useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { widgetFallback } from '@/components/ui/widget-fallback';
import { JobsTable } from '@/features/jobs/jobs-table';
import { CreateVerifyJobButton } from '@/features/verify/verify-job-dialogs';
import { VerifyHistory } from '@/features/verify/verify-history';
import { useCan } from '../use-can';
import { JobRunGate } from './job-access';
import { JobRowActions } from './job-row-actions';

/** The jobs of every datastore, or of one: the table, adding verify jobs, and one verify job's runs (`?history=store:id`). */
export function JobsPage({ store }: { store?: string }) {
  const [params, setParams] = useSearchParams();
  const [historyStore, historyId] = (params.get('history') ?? '').split(':');
  // create_verification_job checks the new job's path; from the all-datastores page the dialog picks the store
  const mayCreate = useCan(store ? `/datastore/${store}` : '/datastore', 'Datastore.Verify');
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
          runGate={(row, button) => <JobRunGate row={row}>{button}</JobRunGate>}
          rowActions={(row) => <JobRowActions row={row} />}
        />
      </ErrorBoundary>
    </div>
  );
}
