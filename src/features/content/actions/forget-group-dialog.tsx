import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { contentQueries } from '../api';
import { contentMutations, type GroupTarget } from './actions-api';
import { DialogButtons } from './dialog-buttons';
import { groupName } from './names';

interface ForgetGroupDialogProps {
  target: GroupTarget;
  /** the guest's name (group comment), shown beside the id */
  guest?: string;
  onClose: () => void;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Forget a whole group: the user types its name first. PBS keeps protected snapshots (and then the group with
 * them); the dialog says so before, and after it shows PBS's own message.
 */
export function ForgetGroupDialog({ target, guest, onClose }: ForgetGroupDialogProps) {
  const name = groupName(target);
  const snapshots = useQuery(contentQueries.snapshots(target));
  const forget = useMutation(contentMutations.forgetGroup());
  const [typed, setTyped] = useState('');
  const list = snapshots.data?.items ?? [];
  const kept = list.filter((s) => s.protected).length;
  const unreadable = snapshots.data?.failed.length ?? 0;
  const result = forget.data;
  return (
    <Dialog
      title={`Forget group ${name}${guest ? ` (${guest})` : ''}?`}
      isOpen
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
    >
      {result ? (
        <div role="status" className="space-y-2 text-sm">
          {result.partial ? (
            <>
              <p>
                Every unprotected snapshot of {name} was forgotten. {plural(kept, 'protected snapshot')} stayed, as PBS
                keeps them.
              </p>
              <p>
                PBS answered: <q className="font-mono">{result.message}</q>
              </p>
            </>
          ) : (
            <p>Group {name} and all its snapshots were forgotten.</p>
          )}
          <DialogButtons onCancel={onClose} cancelLabel="Close" />
        </div>
      ) : (
        <div className="space-y-3 text-sm text-neutral-800 dark:text-neutral-200">
          {snapshots.isSuccess ? (
            <p>
              {plural(list.length - kept, 'snapshot')} of {name} will be removed for good, with their notes.
              {kept > 0
                ? ` ${plural(kept, 'protected snapshot')} will stay, as PBS keeps them, and so will the group.`
                : ''}
              {unreadable > 0
                ? ` ${plural(unreadable, 'more snapshot')} the server sent could not be read, and go with them unless protected.`
                : ''}
            </p>
          ) : (
            <p>Counting the snapshots of {name}…</p>
          )}
          <Field
            label={
              <>
                Type <strong className="font-mono">{name}</strong> to confirm
              </>
            }
          >
            <Input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
            />
          </Field>
          {forget.error ? <ErrorState title="The group was not forgotten" message={forget.error.message} /> : null}
          <DialogButtons
            onCancel={onClose}
            confirm={{
              label: forget.isPending ? 'Forgetting…' : 'Forget group',
              danger: true,
              disabled: typed.trim() !== name || forget.isPending || !snapshots.isSuccess,
              onPress: () => forget.mutate(target),
            }}
          />
        </div>
      )}
    </Dialog>
  );
}
