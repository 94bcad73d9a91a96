import { useMutation } from '@tanstack/react-query';
import { Square } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { taskMutations } from './api';

/** Asks PBS to abort the task; the task then ends by itself, which the viewer shows. */
export function StopTaskButton({ upid }: { upid: string }) {
  const stop = useMutation(taskMutations.stop(upid));
  return (
    <>
      <Button size="sm" variant="danger" onClick={() => stop.mutate()} disabled={stop.isPending || stop.isSuccess}>
        <Square aria-hidden className="size-3.5" />
        {stop.isSuccess ? 'Stopping…' : 'Stop task'}
      </Button>
      {stop.error ? (
        <span role="alert" className="text-xs text-red-800 dark:text-red-300">
          Cannot stop the task: {stop.error.message}
        </span>
      ) : null}
    </>
  );
}
