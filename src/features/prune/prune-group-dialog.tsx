import { useMutation } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { keepOptionsText, type KeepOptions } from '@/lib/prune';
import { pruneMutations, type PruneGroupRef } from './api';

interface PruneGroupDialogProps {
  target: PruneGroupRef;
  keep: KeepOptions;
  /** what the preview expects */
  counts: { keep: number; remove: number };
  onClose: () => void;
  onDone: (result: { kept: number; removed: number }) => void;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Confirms and runs a prune of one group with the previewed options (dry-run off). */
export function PruneGroupDialog({ target, keep, counts, onClose, onDone }: PruneGroupDialogProps) {
  const name = `${target.type}/${target.id}`;
  const prune = useMutation({
    ...pruneMutations.pruneGroup(),
    onSuccess: (marks) => {
      const kept = marks.filter((m) => m.keep).length;
      onDone({ kept, removed: marks.length - kept });
    },
  });
  return (
    <Dialog title={`Prune group ${name}?`} isOpen onOpenChange={(open) => !open && onClose()} role="alertdialog">
      <div className="space-y-3 text-sm text-neutral-800 dark:text-neutral-200">
        <p>
          With <span className="font-mono">{keepOptionsText(keep) || 'no keep option'}</span> PBS keeps{' '}
          {plural(counts.keep, 'snapshot')} and removes {plural(counts.remove, 'snapshot')} of {name}
          {target.ns ? ` in namespace ${target.ns}` : ''}. Removed snapshots are gone for good; their space is freed by
          the next garbage collection.
        </p>
        {prune.error ? <ErrorState title="The group was not pruned" message={prune.error.message} /> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" disabled={prune.isPending} onClick={() => prune.mutate({ ref: target, keep })}>
            {prune.isPending ? 'Pruning…' : `Prune ${plural(counts.remove, 'snapshot')}`}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
