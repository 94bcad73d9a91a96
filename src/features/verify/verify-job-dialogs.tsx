import { useMutation, useQuery } from '@tanstack/react-query';
import { Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { verifyMutations, verifyQueries } from './api';
import { createParams, fromConfig, newVerifyJob, updateParams } from './verify-form-values';
import { VerifyJobForm } from './verify-job-form';

const body = 'max-h-[75dvh] overflow-y-auto pr-1';

interface CreateVerifyJobProps {
  /** the page's datastore, preset */
  store?: string | undefined;
  /** the datastores offered (where PBS would take a job); every datastore when absent */
  stores?: readonly string[];
  /** the user creating it, so that only namespaces where PBS would take it are offered */
  authId?: string;
}

/** "Add verify job": a form with PBS's defaults, the datastore preset when the page has one. */
export function CreateVerifyJobButton({ store = '', stores: offered, authId }: CreateVerifyJobProps) {
  const [open, setOpen] = useState(false);
  const { data: stores } = useQuery({ ...verifyQueries.stores(), enabled: open && offered === undefined });
  const create = useMutation(verifyMutations.create());
  const names = offered ? [...offered] : (stores ?? []).map((s) => s.store);
  return (
    <>
      <Button size="sm" variant="primary" onClick={() => setOpen(true)}>
        <Plus aria-hidden className="size-3.5" /> Add verify job
      </Button>
      <Dialog title="Add verify job" isOpen={open} onOpenChange={setOpen}>
        <div className={body}>
          <VerifyJobForm
            creating
            initial={newVerifyJob(store || (names.length === 1 ? (names[0] ?? '') : ''))}
            stores={names}
            authId={authId}
            onSubmit={async (v) => {
              await create.mutateAsync(createParams(v));
              setOpen(false);
            }}
            onCancel={() => setOpen(false)}
          />
        </div>
      </Dialog>
    </>
  );
}

/** Loads the job with its digest, so a save never overwrites someone else's change. */
function EditVerifyJob({ id, authId, onClose }: { id: string; authId?: string | undefined; onClose: () => void }) {
  const job = useQuery(verifyQueries.job(id));
  const { data: stores } = useQuery(verifyQueries.stores());
  const update = useMutation(verifyMutations.update(id));
  if (job.error) return <ErrorState title="Cannot read the job" message={job.error.message} />;
  if (!job.data) return <Skeleton className="h-40" label="Loading the job…" />;
  const { config, digest } = job.data;
  return (
    <VerifyJobForm
      // A reload brings a new digest: start over from what the server has now.
      key={digest ?? job.dataUpdatedAt}
      creating={false}
      initial={fromConfig(config)}
      stores={(stores ?? []).map((s) => s.store)}
      authId={authId}
      onSubmit={async (v) => {
        await update.mutateAsync(updateParams(v, digest));
        onClose();
      }}
      onCancel={onClose}
      onReload={() => void job.refetch()}
    />
  );
}

/** `authId`: the user editing it, so that only namespaces where PBS would take the job are offered. */
export function EditVerifyJobButton({ id, authId }: { id: string; authId?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" aria-label={`Edit verify job ${id}`} onClick={() => setOpen(true)}>
        <Pencil aria-hidden className="size-3.5" /> Edit
      </Button>
      <Dialog title={`Edit verify job ${id}`} isOpen={open} onOpenChange={setOpen}>
        <div className={body}>
          {open ? <EditVerifyJob id={id} authId={authId} onClose={() => setOpen(false)} /> : null}
        </div>
      </Dialog>
    </>
  );
}
