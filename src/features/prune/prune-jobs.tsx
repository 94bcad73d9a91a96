import { useMutation, useQuery } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PruneJobStatus } from '@/api/schemas/jobs';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { RefusedButton } from '@/components/ui/refused-button';
import { ErrorState } from '@/components/ui/error-state';
import { ItemProblem } from '@/components/ui/item-problem';
import { Skeleton } from '@/components/ui/skeleton';
import type { Offer } from '@/lib/access-rules';
import { pruneMutations, pruneQueries } from './api';
import { PruneJobDialog, type PruneJobTarget } from './prune-job-dialog';
import { PruneJobRow } from './prune-job-row';
import { RemoveJobDialog } from './remove-job-dialog';

export interface PrunePermissions {
  /** false until the server has answered: no action is shown before */
  known: boolean;
  /** whether a prune job may be added here, and if not, why */
  add: Offer;
  /** whether the job may be run, edited and removed, and if not, why (PBS checks each job on its own path) */
  job: (job: PruneJobStatus) => Offer;
}

interface PruneJobsProps {
  /** one datastore's jobs; all accessible ones without it */
  store?: string;
  permissions: PrunePermissions;
}

const head = 'py-1 pr-3 font-medium';

/** The prune jobs of a datastore (or all), with run now, edit and remove. */
export function PruneJobs({ store, permissions }: PruneJobsProps) {
  const jobs = useQuery(pruneQueries.jobs(store));
  const run = useMutation(pruneMutations.run());
  const [dialog, setDialog] = useState<PruneJobTarget | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const list = jobs.data?.data ?? [];
  const failed = jobs.data?.failed ?? [];
  const { known, add } = permissions;

  return (
    <Card aria-labelledby="prune-jobs-title">
      <CardHeader
        id="prune-jobs-title"
        title="Prune jobs"
        actions={
          !known ? null : add.offered ? (
            <Button size="sm" onClick={() => setDialog({ mode: 'create', ...(store && { store }) })}>
              <Plus aria-hidden className="size-3.5" /> Add prune job
            </Button>
          ) : (
            <RefusedButton size="sm" reason={add.reason}>
              <Plus aria-hidden className="size-3.5" /> Add prune job
            </RefusedButton>
          )
        }
      />
      {jobs.isPending ? <Skeleton className="h-16" label="Loading prune jobs…" /> : null}
      {jobs.error ? <ErrorState title="Cannot list the prune jobs" message={jobs.error.message} /> : null}
      {run.error ? <ErrorState title="The prune job did not start" message={run.error.message} /> : null}
      {run.data ? (
        <p role="status" className="mb-2 text-sm">
          Prune job {run.variables} started:{' '}
          <Link to={`/tasks/${encodeURIComponent(run.data)}`} className="underline">
            show its task
          </Link>
        </p>
      ) : null}
      {jobs.isSuccess && list.length === 0 && failed.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          No prune jobs: nothing is pruned on a schedule.
        </p>
      ) : null}
      {list.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-neutral-600 dark:text-neutral-400">
              <tr>
                <th scope="col" className={head}>
                  Job
                </th>
                {store ? null : (
                  <th scope="col" className={head}>
                    Datastore
                  </th>
                )}
                <th scope="col" className={head}>
                  Namespace
                </th>
                <th scope="col" className={head}>
                  Schedule
                </th>
                <th scope="col" className={head}>
                  Retention
                </th>
                <th scope="col" className={head}>
                  Next run
                </th>
                <th scope="col" className={head}>
                  Last run
                </th>
                {known ? (
                  <th scope="col" className={head}>
                    Actions
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {list.map((job) => (
                <PruneJobRow
                  key={job.id}
                  job={job}
                  showStore={!store}
                  access={known ? permissions.job(job) : null}
                  running={run.isPending && run.variables === job.id}
                  onRun={() => run.mutate(job.id)}
                  onEdit={() => setDialog({ mode: 'edit', id: job.id, ...(store && { store }) })}
                  onRemove={() => setRemoving(job.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {failed.map((f) => (
        <ItemProblem key={f.index} error={f} what="prune job" className="mt-2" />
      ))}
      {dialog ? <PruneJobDialog target={dialog} onClose={() => setDialog(null)} /> : null}
      {removing ? <RemoveJobDialog id={removing} digest={jobs.data?.digest} onClose={() => setRemoving(null)} /> : null}
    </Card>
  );
}
