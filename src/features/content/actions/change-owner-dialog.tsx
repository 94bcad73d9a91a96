import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { Offer } from '@/lib/access-rules';
import { contentMutations, type GroupTarget } from './actions-api';
import { DialogButtons } from './dialog-buttons';
import { groupName } from './names';

// user@realm or user@realm!token, as PBS's Authid
const AUTHID = /^[^\s:/]+@[A-Za-z0-9_][A-Za-z0-9._-]*(?:![A-Za-z0-9_][A-Za-z0-9._-]*)?$/;

interface ChangeOwnerDialogProps {
  target: GroupTarget;
  owner?: string;
  /** whether PBS lets the user hand the group to this owner */
  mayHandTo: (owner: string) => Offer;
  onClose: () => void;
}

export function ChangeOwnerDialog({ target, owner, mayHandTo, onClose }: ChangeOwnerDialogProps) {
  const [next, setNext] = useState(owner ?? '');
  const change = useMutation(contentMutations.changeOwner());
  const wellFormed = AUTHID.test(next.trim());
  const allowed = mayHandTo(next.trim());
  const valid = wellFormed && allowed.offered;
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
          error={
            next !== '' && !wellFormed
              ? 'Write it as user@realm or user@realm!token.'
              : wellFormed && !allowed.offered
                ? `${allowed.reason}.`
                : undefined
          }
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
