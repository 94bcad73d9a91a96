import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { contentMutations } from './actions-api';
import { DialogButtons } from './dialog-buttons';

interface DeleteNamespaceDialogProps {
  store: string;
  ns: string;
  onClose: () => void;
  onDeleted?: (parent: string) => void;
}

/** PBS deletes only empty namespaces unless `delete-groups` is set; then every group below goes, bar protected snapshots. */
export function DeleteNamespaceDialog({ store, ns, onClose, onDeleted }: DeleteNamespaceDialogProps) {
  const [withGroups, setWithGroups] = useState(false);
  const [typed, setTyped] = useState('');
  const remove = useMutation(contentMutations.deleteNamespace());
  const confirmed = !withGroups || typed.trim() === ns;
  const parent = ns.split('/').slice(0, -1).join('/');
  return (
    <Dialog title={`Delete namespace ${ns}?`} isOpen onOpenChange={(open) => !open && onClose()} role="alertdialog">
      <div className="space-y-3 text-sm">
        <p>
          Empty namespaces below {ns} are deleted with it. Without the option below, PBS refuses if any backup group is
          left.
        </p>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            className="mt-1"
            checked={withGroups}
            onChange={(e) => setWithGroups(e.target.checked)}
          />
          <span>
            Also forget every backup group in {ns} and the namespaces below it. Protected snapshots stay, as PBS keeps
            them.
          </span>
        </label>
        {withGroups ? (
          <label className="block">
            <span className="mb-1 block">
              Type <strong className="font-mono">{ns}</strong> to confirm
            </span>
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              className="w-full rounded-md border border-neutral-300 bg-white px-2 py-1 font-mono dark:border-neutral-600 dark:bg-neutral-950"
            />
          </label>
        ) : null}
        {remove.error ? (
          <ErrorState title="The namespace was not (fully) deleted" message={remove.error.message} />
        ) : null}
        <DialogButtons
          onCancel={onClose}
          confirm={{
            label: remove.isPending ? 'Deleting…' : 'Delete namespace',
            danger: true,
            disabled: !confirmed || remove.isPending,
            onPress: () =>
              remove.mutate(
                { store, ns, deleteGroups: withGroups },
                {
                  onSuccess: () => {
                    onClose();
                    onDeleted?.(parent);
                  },
                },
              ),
          }}
        />
      </div>
    </Dialog>
  );
}
