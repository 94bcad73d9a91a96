import { useQuery } from '@tanstack/react-query';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { pruneQueries } from './api';
import { emptyKeep, formOf, newJobId } from './job-params';
import { PruneJobEditor } from './prune-job-editor';

export type PruneJobTarget = { mode: 'create'; store?: string } | { mode: 'edit'; id: string; store?: string };

function EditLoader({ id, fixedStore, onClose }: { id: string; fixedStore: boolean; onClose: () => void }) {
  const job = useQuery(pruneQueries.job(id));
  if (job.isPending) return <Skeleton className="h-40" label="Loading the prune job…" />;
  if (job.error) return <ErrorState title="Cannot load the prune job" message={job.error.message} />;
  return (
    <PruneJobEditor
      initial={formOf(job.data.data)}
      edit={{ digest: job.data.digest }}
      fixedStore={fixedStore}
      onDone={onClose}
      onCancel={onClose}
    />
  );
}

/** New prune job (PBS UI's defaults: hourly, enabled) or an existing one, read fresh with its digest. */
export function PruneJobDialog({ target, onClose }: { target: PruneJobTarget; onClose: () => void }) {
  const fixedStore = target.store !== undefined;
  return (
    <Dialog
      title={target.mode === 'create' ? 'New prune job' : `Edit prune job ${target.id}`}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      {target.mode === 'edit' ? (
        <EditLoader id={target.id} fixedStore={fixedStore} onClose={onClose} />
      ) : (
        <PruneJobEditor
          initial={{
            id: newJobId(),
            store: target.store ?? '',
            ns: '',
            maxDepth: '',
            schedule: 'hourly',
            enabled: true,
            comment: '',
            keep: emptyKeep(),
          }}
          fixedStore={fixedStore}
          onDone={onClose}
          onCancel={onClose}
        />
      )}
    </Dialog>
  );
}
