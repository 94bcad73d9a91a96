import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { pruneMutations, pruneQueries } from './api';

interface RemoveJobDialogProps {
  id: string;
  /** digest of the list the user saw the job in; without it, that of the job's config read when the dialog opens */
  digest?: string;
  onClose: () => void;
}

export function RemoveJobDialog({ id, digest, onClose }: RemoveJobDialogProps) {
  const remove = useMutation({ ...pruneMutations.remove(), onSuccess: onClose });
  // PBS refuses a removal whose digest no longer matches prune.cfg: someone changed the jobs meanwhile.
  const job = useQuery({ ...pruneQueries.job(id), enabled: digest === undefined });
  const sent = digest ?? job.data?.digest;
  return (
    <Dialog title={`Remove prune job ${id}?`} isOpen onOpenChange={(open) => !open && onClose()} role="alertdialog">
      <div className="space-y-3 text-sm">
        <p>The job stops pruning on its schedule. Snapshots are not touched.</p>
        {job.error ? <ErrorState title="Cannot read the job" message={job.error.message} /> : null}
        {remove.error ? <ErrorState title="The prune job was not removed" message={remove.error.message} /> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            disabled={remove.isPending || (digest === undefined && !job.data)}
            onClick={() => remove.mutate({ id, digest: sent })}
          >
            {remove.isPending ? 'Removing…' : 'Remove job'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
