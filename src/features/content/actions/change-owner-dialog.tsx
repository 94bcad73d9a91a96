import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { contentMutations, type GroupTarget } from './actions-api';
import { DialogButtons } from './dialog-buttons';
import { groupName } from './names';

// user@realm or user@realm!token, as PBS's Authid
const AUTHID = /^[^\s:/]+@[A-Za-z0-9_][A-Za-z0-9._-]*(?:![A-Za-z0-9_][A-Za-z0-9._-]*)?$/;

interface ChangeOwnerDialogProps {
  target: GroupTarget;
  owner?: string;
  onClose: () => void;
}

export function ChangeOwnerDialog({ target, owner, onClose }: ChangeOwnerDialogProps) {
  const [next, setNext] = useState(owner ?? '');
  const change = useMutation(contentMutations.changeOwner());
  const valid = AUTHID.test(next.trim());
  return (
    <Dialog title={`Change owner of ${groupName(target)}`} isOpen onOpenChange={(open) => !open && onClose()}>
      <form
        className="space-y-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) change.mutate({ ...target, owner: next.trim() }, { onSuccess: onClose });
        }}
      >
        <p>
          The owner is the user or API token whose backups may add snapshots to this group. Now: {owner ?? 'unknown'}.
        </p>
        <Field
          label="New owner (user@realm or user@realm!token)"
          error={next !== '' && !valid ? 'Write it as user@realm or user@realm!token.' : undefined}
        >
          <Input value={next} onChange={(e) => setNext(e.target.value)} autoComplete="off" className="font-mono" />
        </Field>
        {change.error ? <ErrorState title="The owner was not changed" message={change.error.message} /> : null}
        <DialogButtons
          onCancel={onClose}
          confirm={{
            label: change.isPending ? 'Changing…' : 'Change owner',
            disabled: !valid || change.isPending || next.trim() === owner,
            onPress: () => change.mutate({ ...target, owner: next.trim() }, { onSuccess: onClose }),
          }}
        />
      </form>
    </Dialog>
  );
}
