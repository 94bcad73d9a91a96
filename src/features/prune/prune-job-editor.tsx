import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PbsError } from '@/api/client';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { useServerZone } from '@/components/ui/server-zone';
import { pruneMutations, pruneQueries } from './api';
import { createParams, keepErrors, keepOptionsOf, updateParams, type PruneJobForm } from './job-params';
import { PreviewResult } from './preview-result';
import { PruneJobFields } from './prune-job-fields';

interface PruneJobEditorProps {
  initial: PruneJobForm;
  /** present when editing: the digest of prune.cfg the form was loaded from */
  edit?: { digest: string | undefined };
  fixedStore: boolean;
  onDone: () => void;
  onCancel: () => void;
}

const isConflict = (e: unknown) => e instanceof PbsError && e.message.startsWith('detected modified configuration');

/** Create or edit a prune job, with a preview of its policy on the chosen namespace before saving. */
export function PruneJobEditor({ initial, edit, fixedStore, onDone, onCancel }: PruneJobEditorProps) {
  const [form, setForm] = useState(initial);
  const create = useMutation({ ...pruneMutations.create(), onSuccess: onDone });
  const update = useMutation({ ...pruneMutations.update(), onSuccess: onDone });
  const mutation = edit ? update : create;
  const time = useQuery(pruneQueries.nodeTime());
  const contextZone = useServerZone();
  const zone = time.data?.timezone ?? contextZone;
  const serverErrors = mutation.error instanceof PbsError ? (mutation.error.params ?? {}) : {};
  const localInvalid = Object.keys(keepErrors(form.keep)).length > 0 || form.store === '';
  // a new job has no earlier version to reopen: PBS's words, and Create stays there to try again
  const conflict = edit !== undefined && isConflict(mutation.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (edit) update.mutate({ id: form.id, ...updateParams(form), digest: edit.digest });
    else create.mutate(createParams(form));
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={edit ? `Edit prune job ${form.id}` : 'New prune job'}>
      <div className="max-h-[60vh] space-y-3 overflow-y-auto pr-1">
        <PruneJobFields
          form={form}
          onChange={setForm}
          isCreate={!edit}
          fixedStore={fixedStore}
          errors={serverErrors}
          zone={zone}
        />
        {form.store !== '' && zone ? (
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">
              Preview this policy on {form.ns === '' ? 'the root namespace' : `namespace ${form.ns}`}
            </summary>
            <PreviewResult
              store={form.store}
              ns={form.ns}
              keep={keepOptionsOf(form.keep)}
              zone={zone}
              canPrune={false}
            />
          </details>
        ) : null}
      </div>
      {conflict ? (
        <ErrorState
          title="Not saved: the prune jobs changed meanwhile"
          message="Someone else changed the prune job configuration after you opened this form, so your change was not saved and theirs stays. Close the form and open it again to edit the current settings."
        />
      ) : null}
      {mutation.error && !conflict && Object.keys(serverErrors).length === 0 ? (
        <ErrorState title="The prune job was not saved" message={mutation.error.message} />
      ) : null}
      {Object.keys(serverErrors).length > 0 ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          The server refused some fields; see the messages at them.
        </p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={mutation.isPending || localInvalid}>
          {mutation.isPending ? 'Saving…' : edit ? 'Save changes' : 'Create prune job'}
        </Button>
      </div>
    </form>
  );
}
