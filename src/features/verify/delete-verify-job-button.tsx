import { useMutation, useQuery } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { verifyMutations, verifyQueries } from './api';

/**
 * Removes a verify job after asking; its past tasks and the snapshots' verify states stay. The removal sends the digest
 * of the config read when the question opened, so PBS refuses it if someone changed the job meanwhile.
 */
export function DeleteVerifyJobButton({ id, store }: { id: string; store: string }) {
  const [open, setOpen] = useState(false);
  const remove = useMutation(verifyMutations.remove(id));
  const job = useQuery({ ...verifyQueries.job(id), enabled: open });
  return (
    <>
      <Button size="sm" variant="ghost" aria-label={`Remove verify job ${id}`} onClick={() => setOpen(true)}>
        <Trash2 aria-hidden className="size-3.5" /> Remove
      </Button>
      <Dialog title={`Remove verify job ${id}?`} isOpen={open} onOpenChange={setOpen} role="alertdialog">
        <p className="text-sm">
          The job stops verifying <strong>{store}</strong> on its schedule. Its past runs stay in the task list and the
          snapshots keep their verify state.
        </p>
        {job.error ? <ErrorState className="mt-3" title="Cannot read the job" message={job.error.message} /> : null}
        {remove.error ? (
          <ErrorState className="mt-3" title="The job was not removed" message={remove.error.message} />
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            variant="danger"
            disabled={remove.isPending || !job.data}
            onClick={() => remove.mutate(job.data?.digest, { onSuccess: () => setOpen(false) })}
          >
            Remove job
          </Button>
        </div>
      </Dialog>
    </>
  );
}
