import { useSearchParams } from 'react-router';
import { Plus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { RefusedButton } from '@/components/ui/refused-button';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { widgetFallback } from '@/components/ui/widget-fallback';
import { JobsTable } from '@/features/jobs/jobs-table';
import { CreateVerifyJobButton } from '@/features/verify/verify-job-dialogs';
import { VerifyHistory } from '@/features/verify/verify-history';
import { useSession } from '../session';
import { JobRunGate, useAddTargets } from './job-access';
import { JobRowActions } from './job-row-actions';

/** The jobs of every datastore, or of one: the table, adding verify jobs, and one verify job's runs (`?history=store:id`). */
export function JobsPage({ store }: { store?: string }) {
  const [params, setParams] = useSearchParams();
  const [historyStore, historyId] = (params.get('history') ?? '').split(':');
  const user = useSession()?.username ?? '';
  // create_verification_job checks the new job's own path: the dialog offers only the stores and namespaces PBS accepts
  const targets = useAddTargets('verifyJob', store);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{store ? `Jobs of ${store}` : 'Jobs'}</h1>
        {!targets.known ? null : targets.offer.offered ? (
          <CreateVerifyJobButton store={store} stores={targets.stores} authId={user} />
        ) : (
          <RefusedButton size="sm" variant="primary" reason={targets.offer.reason}>
            <Plus aria-hidden className="size-3.5" /> Add verify job
          </RefusedButton>
        )}
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
