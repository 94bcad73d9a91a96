import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { SnapshotItem } from '@/api/schemas/content';
import { contentMutations } from './actions-api';
import { ActionMenu, type ActionItem } from './action-menu';
import { ForgetSnapshotDialog } from './forget-snapshot-dialog';
import { snapshotName, snapshotTarget } from './names';
import { NotesDialog } from './notes-dialog';
import { gatedItem, offer, usePermissionsAt, type ContentPermissions } from './permissions';
import { RowError } from './row-error';
import { TaskStatusIcon } from './task-status-icon';

export interface SnapshotActionsProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;
  snapshot: SnapshotItem;
}

/** Verify, protect, notes and forget for one snapshot; only what the user may do is offered. */
export function SnapshotActions({ store, ns, permissions: base, snapshot }: SnapshotActionsProps) {
  const permissions = usePermissionsAt(base, ns);
  const owner = snapshot.owner;
  const target = snapshotTarget(store, ns, snapshot);
  const name = snapshotName(target);
  const [dialog, setDialog] = useState<'forget' | 'notes' | null>(null);
  const verify = useMutation(contentMutations.verify());
  const protect = useMutation(contentMutations.setProtected());
  const isProtected = snapshot.protected === true;

  const items: ActionItem[] = [
    gatedItem('verify', 'Verify now', offer(permissions, 'verifyGroup', owner)),
    gatedItem('protect', isProtected ? 'Remove protection' : 'Protect', offer(permissions, 'protect', owner)),
    gatedItem('notes', 'Edit notes', offer(permissions, 'snapshotNotes', owner)),
  ];
  // PBS refuses to forget a protected snapshot: offer it once the protection is removed
  if (!isProtected) items.push(gatedItem('forget', 'Forget…', offer(permissions, 'forgetSnapshot', owner), true));

  const onAction = (id: string) => {
    if (id === 'verify') verify.mutate(target);
    else if (id === 'protect') protect.mutate({ ...target, value: !isProtected });
    else if (id === 'forget' || id === 'notes') setDialog(id);
  };
  const error = verify.error ?? protect.error;
  return (
    <div className="flex items-center gap-1">
      <ActionMenu label={`Actions for snapshot ${name}`} items={items} onAction={onAction} />
      {verify.data ? <TaskStatusIcon upid={verify.data} what="Verification" /> : null}
      {error ? (
        <RowError
          label={verify.error ? 'Verification did not start' : 'Protection not changed'}
          message={error.message}
        />
      ) : null}
      {dialog === 'forget' ? (
        <ForgetSnapshotDialog
          target={target}
          isOpen
          onClose={() => setDialog(null)}
          atMost={!permissions.privs.has('Datastore.Audit')}
        />
      ) : null}
      {dialog === 'notes' ? <NotesDialog target={target} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
