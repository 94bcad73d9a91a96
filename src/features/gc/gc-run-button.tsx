import { useMutation, useQuery } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import { Link } from 'react-router';
import { PbsError } from '@/api/client';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { gcMutations, gcQueries } from './api';
import { GcRunProgress } from './gc-run-progress';

// PBS's refusal while the store's GC lock is held (POST …/gc, pbs-api.md §8)
const isAlreadyRunning = (error: unknown) => error instanceof PbsError && /already running/.test(error.message);

/** The running GC PBS refused to start a second one beside, linked to its task. */
function AlreadyRunning({ store }: { store: string }) {
  const { data } = useQuery(gcQueries.running(store));
  const task = data?.[0];
  return (
    <ErrorState
      title="A garbage collection is already running on this datastore"
      message={`PBS runs one garbage collection per datastore at a time, so it did not start another (it answered: "garbage collection already running"). Wait for the running one to finish.`}
      action={
        task ? (
          <Link to={`/tasks/${encodeURIComponent(task.upid)}`} className="text-sm underline">
            Show the running garbage collection
          </Link>
        ) : null
      }
    />
  );
}

/** Starts a GC now; the task's progress stays below the button until the page changes. */
export function GcRunButton({ store }: { store: string }) {
  const mutation = useMutation(gcMutations.start(store));
  return (
    <div className="flex flex-col items-end gap-1">
      <Button size="sm" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
        <Play aria-hidden className="size-3.5" />
        {mutation.isPending ? 'Starting…' : 'Start garbage collection'}
      </Button>
      {isAlreadyRunning(mutation.error) ? <AlreadyRunning store={store} /> : null}
      {mutation.error && !isAlreadyRunning(mutation.error) ? (
        <ErrorState title="Garbage collection did not start" message={mutation.error.message} />
      ) : null}
      {mutation.data ? <GcRunProgress upid={mutation.data} /> : null}
    </div>
  );
}
