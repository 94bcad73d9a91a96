import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { contentMutations } from './actions-api';
import { ActionMenu, type ActionItem } from './action-menu';
import { CreateNamespaceDialog } from './create-namespace-dialog';
import { DeleteNamespaceDialog } from './delete-namespace-dialog';
import { parentNamespace } from '@/lib/access-rules';
import { gatedItem, offer, usePermissionsAt, type ContentPermissions } from './permissions';
import { TaskStatusLink } from './task-status-link';

export interface NamespaceActionsProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;
  /** the view switches to a namespace just created */
  onCreated?: (ns: string) => void;
  /** the view leaves a namespace just deleted (for its parent) */
  onDeleted?: (parent: string) => void;
}

/** Verify, create below and delete for the namespace on screen. */
export function NamespaceActions({ store, ns, permissions: base, onCreated, onDeleted }: NamespaceActionsProps) {
  const permissions = usePermissionsAt(base, ns);
  const [dialog, setDialog] = useState<'create' | 'delete' | null>(null);
  const verify = useMutation(contentMutations.verify());
  const where = ns === '' ? 'root namespace' : `namespace ${ns}`;
  // PBS checks a namespace's removal on its parent
  const parent = usePermissionsAt(permissions, ns === '' ? ns : parentNamespace(ns));
  const items: ActionItem[] = [
    gatedItem('verify', `Verify ${where} now`, offer(permissions, 'verifyNamespace')),
    gatedItem('create', 'New namespace here…', offer(permissions, 'createNamespace')),
  ];
  // PBS never deletes the root namespace
  if (ns !== '') items.push(gatedItem('delete', 'Delete namespace…', offer(parent, 'deleteNamespace'), true));
  const close = () => setDialog(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ActionMenu
        label={`Actions for ${where}`}
        items={items}
        onAction={(id) => (id === 'verify' ? verify.mutate({ store, ns }) : setDialog(id as 'create' | 'delete'))}
      />
      {verify.data ? <TaskStatusLink upid={verify.data} what="Verification" /> : null}
      {verify.error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          Verification did not start: {verify.error.message}
        </span>
      ) : null}
      {dialog === 'create' ? (
        <CreateNamespaceDialog store={store} parent={ns} onClose={close} onCreated={onCreated} />
      ) : null}
      {dialog === 'delete' ? (
        <DeleteNamespaceDialog store={store} ns={ns} onClose={close} onDeleted={onDeleted} />
      ) : null}
    </div>
  );
}
