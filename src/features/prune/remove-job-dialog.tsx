import { useMutation } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { pruneMutations } from './api';

interface RemoveJobDialogProps {
  id: string;
  /** digest of the list the user saw the job in */
  digest: string | undefined;
  onClose: () => void;
}

export function RemoveJobDialog({ id, digest, onClose }: RemoveJobDialogProps) {
  const remove = useMutation({ ...pruneMutations.remove(), onSuccess: onClose });
  return (
    <Dialog title={`Remove prune job ${id}?`} isOpen onOpenChange={(open) => !open && onClose()} role="alertdialog">
      <div className="space-y-3 text-sm">
        <p>The job stops pruning on its schedule. Snapshots are not touched.</p>
        {remove.error ? <ErrorState title="The prune job was not removed" message={remove.error.message} /> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id, digest })}>
            {remove.isPending ? 'Removing…' : 'Remove job'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
