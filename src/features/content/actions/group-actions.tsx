import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { GroupItem } from '@/api/schemas/content';
import { newOwnerOffer } from '@/lib/access-rules';
import { contentMutations } from './actions-api';
import { ActionMenu, type ActionItem } from './action-menu';
import { ChangeOwnerDialog } from './change-owner-dialog';
import { ForgetGroupDialog } from './forget-group-dialog';
import { groupName, groupTarget } from './names';
import { NotesDialog } from './notes-dialog';
import { gatedItem, offer, usePermissionsAt, type ContentPermissions } from './permissions';
import { RowError } from './row-error';
import { TaskStatusIcon } from './task-status-icon';

export interface GroupActionsProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;
  group: GroupItem;
}

type DialogKind = 'forget' | 'notes' | 'owner';

/** Verify, notes, owner and forget for a backup group; only what the user may do is offered. */
export function GroupActions({ store, ns, permissions: base, group }: GroupActionsProps) {
  const permissions = usePermissionsAt(base, ns);
  const owner = group.owner;
  const target = groupTarget(store, ns, group);
  const name = groupName(target);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const verify = useMutation(contentMutations.verify());

  const items: ActionItem[] = [
    gatedItem('verify', 'Verify group now', offer(permissions, 'verifyGroup', owner)),
    gatedItem('notes', 'Edit group notes', offer(permissions, 'groupNotes', owner)),
    gatedItem('owner', 'Change owner…', offer(permissions, 'changeOwner', owner)),
    gatedItem('forget', 'Forget group…', offer(permissions, 'forgetGroup', owner), true),
  ];

  const onAction = (id: string) => {
    if (id === 'verify') verify.mutate(target);
    else setDialog(id as DialogKind);
  };
  const close = () => setDialog(null);
  return (
    <div className="flex items-center gap-1">
      <ActionMenu label={`Actions for group ${name}`} items={items} onAction={onAction} />
      {verify.data ? <TaskStatusIcon upid={verify.data} what="Verification" /> : null}
      {verify.error ? <RowError label="Verification did not start" message={verify.error.message} /> : null}
      {dialog === 'forget' ? <ForgetGroupDialog target={target} guest={group.comment} onClose={close} /> : null}
      {dialog === 'notes' ? <NotesDialog target={target} onClose={close} /> : null}
      {dialog === 'owner' ? (
        <ChangeOwnerDialog
          target={target}
          owner={group.owner}
          mayHandTo={(next) =>
            newOwnerOffer({ privs: permissions.privs, path: permissions.path, authId: permissions.authId }, next)
          }
          onClose={close}
        />
      ) : null}
    </div>
  );
}
