import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
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
        <Checkbox
          label={`Also forget every backup group in ${ns} and the namespaces below it. Protected snapshots stay, as PBS keeps them.`}
          checked={withGroups}
          onChange={(e) => setWithGroups(e.target.checked)}
        />
        {withGroups ? (
          <Field
            label={
              <>
                Type <strong className="font-mono">{ns}</strong> to confirm
              </>
            }
          >
            <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" className="font-mono" />
          </Field>
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
