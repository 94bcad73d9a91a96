import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { SnapshotItem } from '@/api/schemas/content';
import { contentMutations } from './actions-api';
import { ActionMenu, type ActionItem } from './action-menu';
import { ForgetSnapshotDialog } from './forget-snapshot-dialog';
import { snapshotName, snapshotTarget } from './names';
import { NotesDialog } from './notes-dialog';
import type { ContentPermissions } from './permissions';
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
export function SnapshotActions({ store, ns, permissions, snapshot }: SnapshotActionsProps) {
  const target = snapshotTarget(store, ns, snapshot);
  const name = snapshotName(target);
  const [dialog, setDialog] = useState<'forget' | 'notes' | null>(null);
  const verify = useMutation(contentMutations.verify());
  const protect = useMutation(contentMutations.setProtected());
  const isProtected = snapshot.protected === true;

  const items: ActionItem[] = [];
  if (permissions.verify) items.push({ id: 'verify', label: 'Verify now' });
  if (permissions.modify) {
    items.push({ id: 'protect', label: isProtected ? 'Remove protection' : 'Protect' });
    items.push({ id: 'notes', label: 'Edit notes' });
  }
  // PBS refuses to forget a protected snapshot: offer it once the protection is removed
  if ((permissions.modify || permissions.prune) && !isProtected)
    items.push({ id: 'forget', label: 'Forget…', danger: true });

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
      {dialog === 'forget' ? <ForgetSnapshotDialog target={target} isOpen onClose={() => setDialog(null)} /> : null}
      {dialog === 'notes' ? <NotesDialog target={target} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
