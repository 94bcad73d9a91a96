import { Suspense, useMemo } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { contentMutations, type SnapshotTarget } from './actions-api';
import { DialogButtons } from './dialog-buttons';
import { LazyFreedSpace } from './lazy-freed-space';
import { snapshotName } from './names';

interface ForgetSnapshotDialogProps {
  target: SnapshotTarget;
  isOpen: boolean;
  onClose: () => void;
  /** the user lists only their own groups (no Datastore.Audit): what it frees is an upper bound */
  atMost?: boolean;
}

export function ForgetSnapshotDialog({ target, isOpen, onClose, atMost }: ForgetSnapshotDialogProps) {
  const forget = useMutation(contentMutations.forgetSnapshot());
  const targets = useMemo(() => (isOpen ? [target] : null), [isOpen, target]);
  return (
    <Dialog
      title={`Forget snapshot ${snapshotName(target)}?`}
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
    >
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        The snapshot and its notes are removed for good. Its chunks are freed by garbage collection unless other
        snapshots still use them.
      </p>
      <Suspense fallback={null}>
        <LazyFreedSpace store={target.store} targets={targets} atMost={atMost ?? false} />
      </Suspense>
      {forget.error ? (
        <ErrorState className="mt-3" title="The snapshot was not forgotten" message={forget.error.message} />
      ) : null}
      <DialogButtons
        onCancel={onClose}
        confirm={{
          label: forget.isPending ? 'Forgetting…' : 'Forget snapshot',
          danger: true,
          disabled: forget.isPending,
          onPress: () => forget.mutate(target, { onSuccess: onClose }),
        }}
      />
    </Dialog>
  );
}
