import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { formatSnapshotTime } from '@/lib/format-time';
import { storageFor } from '@/lib/pve-storage-map';
import { pveVolid, type GuestKind } from '@/lib/restore-command';
import { GuestRestoreForm } from './guest-restore-form';
import { GuestRestoreSource } from './guest-restore-source';
import { GuestRestoreTask } from './guest-restore-task';
import { pveQueries } from './pve-api';

export interface GuestSnapshot {
  store: string;
  ns: string;
  type: GuestKind;
  id: string;
  time: number;
}

/** Restore a VM or container snapshot into Proxmox VE: the options, the command line, and the run itself. */
interface GuestRestoreDialogProps {
  snapshot: GuestSnapshot;
  /** why PBS would not let the user read this snapshot (what restoring needs), or null */
  refusal?: string | null;
  onClose: () => void;
}

export function GuestRestoreDialog({ snapshot, refusal = null, onClose }: GuestRestoreDialogProps) {
  const [started, setStarted] = useState<{ node: string; upid: string } | null>(null);
  const config = useQuery(pveQueries.config());
  const mapped = config.data ? storageFor(config.data.storages, snapshot.store, snapshot.ns) : null;
  const node = useQuery({ ...pveQueries.node(config.data?.node ?? null, mapped ?? ''), enabled: mapped !== null });
  const volid = pveVolid(mapped ?? snapshot.store, snapshot.type, snapshot.id, snapshot.time) ?? '';
  const word = snapshot.type === 'vm' ? 'VM' : 'container';
  const where = snapshot.ns ? `${snapshot.store}, namespace ${snapshot.ns}` : snapshot.store;

  let body;
  if (started) body = <GuestRestoreTask node={started.node} upid={started.upid} onClose={onClose} />;
  else if (config.isPending || (mapped !== null && node.isPending))
    body = <Skeleton className="h-40" label="Loading Proxmox VE…" />;
  else {
    const pve = mapped !== null && node.data ? { node: node.data } : null;
    body = (
      <>
        {config.data && mapped === null ? (
          <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">
            No Proxmox VE storage in this deck's PVE_STORAGE_MAP points at {where}; add one (a storage of type pbs with
            this datastore and namespace) to restore from here. Meanwhile the command below needs your storage's name in
            place of <code>{snapshot.store}</code>.
          </p>
        ) : null}
        {node.error ? (
          <ErrorState className="mb-3" title="No Proxmox VE node to restore on" message={node.error.message} />
        ) : null}
        {pve && mapped ? (
          <GuestRestoreSource node={pve.node} storage={mapped} vmid={snapshot.id} volid={volid} />
        ) : null}
        <GuestRestoreForm
          target={{ kind: snapshot.type, volid, originalId: snapshot.id, pve }}
          readRefusal={refusal}
          onStarted={(upid) => pve && setStarted({ node: pve.node, upid })}
          onCancel={onClose}
        />
      </>
    );
  }
  return (
    <Dialog
      title={`Restore ${word} ${snapshot.id} from ${formatSnapshotTime(snapshot.time)}`}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <p className="mb-3 break-all text-xs text-neutral-600 dark:text-neutral-400">
        From {where} as <code>{volid}</code>
      </p>
      {body}
    </Dialog>
  );
}
