import { useMutation } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import { apiPath, apiPost } from '@/api/client';
import { upidSchema } from '@/api/schemas/common';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { GcTaskProgress } from './gc-task-progress';

/** Starts a GC now; the task's progress stays visible below the button until the page changes. */
export function StartGcButton({ store }: { store: string }) {
  const mutation = useMutation({
    mutationKey: ['gc'],
    mutationFn: () => apiPost(apiPath`/admin/datastore/${store}/gc`, upidSchema),
    meta: { invalidates: [['tasks']] },
  });
  return (
    <div className="flex flex-col items-end gap-1">
      <Button size="sm" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
        <Play aria-hidden className="size-3.5" />
        {mutation.isPending ? 'Starting…' : 'Start garbage collection'}
      </Button>
      {mutation.error ? <ErrorState title="Garbage collection did not start" message={mutation.error.message} /> : null}
      {mutation.data ? <GcTaskProgress upid={mutation.data} /> : null}
    </div>
  );
}
