import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { formatSnapshotTime } from '@/lib/format-time';
import { storageFor } from '@/lib/pve-storage-map';
import { pveVolid, type GuestKind } from '@/lib/restore-command';
import { GuestRestoreForm } from './guest-restore-form';
import { GuestRestoreSource } from './guest-restore-source';
import { GuestRestoreTask } from './guest-restore-task';
import { pveAccess } from './pve-access';
import { pveQueries } from './pve-api';
import { PveIdentity } from './pve-identity';
import { usePveLoginLostAt } from './use-pve-login-lost';

// Only users who restore in user mode without a PVE login need it.
const PveLogin = lazy(() => import('./pve-login').then((m) => ({ default: m.PveLogin })));

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
  const configured = config.data === undefined ? undefined : config.data !== null;
  // Nothing of Proxmox VE is read before the deck says whom PVE would see.
  const session = useQuery({ ...pveQueries.session(), enabled: configured === true });
  const access = pveAccess({ configured, session, loginLostAt: usePveLoginLostAt() });
  const mapped = config.data ? storageFor(config.data.storages, snapshot.store, snapshot.ns) : null;
  const ready = access.kind === 'ready';
  const node = useQuery({
    ...pveQueries.node(config.data?.node ?? null, mapped ?? ''),
    enabled: ready && mapped !== null,
  });
  const volid = pveVolid(mapped ?? snapshot.store, snapshot.type, snapshot.id, snapshot.time) ?? '';
  const word = snapshot.type === 'vm' ? 'VM' : 'container';
  const where = snapshot.ns ? `${snapshot.store}, namespace ${snapshot.ns}` : snapshot.store;
  const pve = ready && mapped !== null && node.data ? { node: node.data } : null;
  const loading = config.isPending || access.kind === 'loading' || (ready && mapped !== null && node.isPending);

  let notice: ReactNode = null;
  if (access.kind === 'none')
    notice = (
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        Run it as root on a Proxmox VE node. To restore from here instead, give the deck server <code>PVE_URL</code> and{' '}
        <code>PVE_STORAGE_MAP</code> (and <code>PVE_FINGERPRINT</code> for a self-signed certificate).
      </p>
    );
  else if (access.kind === 'refused')
    notice = <ErrorState title="This deck does not restore to Proxmox VE for you" message={access.reason} />;
  else if (access.kind === 'error')
    notice = <ErrorState title="The deck could not say who you are in Proxmox VE" message={access.message} />;

  return (
    <Dialog
      title={`Restore ${word} ${snapshot.id} from ${formatSnapshotTime(snapshot.time)}`}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <p className="mb-3 break-all text-xs text-neutral-600 dark:text-neutral-400">
        From {where} as <code>{volid}</code>
      </p>
      {ready ? <PveIdentity mode={access.mode} username={access.username} /> : null}
      {started ? (
        <GuestRestoreTask node={started.node} upid={started.upid} onClose={onClose} />
      ) : (
        <>
          {access.kind === 'login' ? (
            <Suspense fallback={<Skeleton className="h-40" label="Loading the Proxmox VE login…" />}>
              <PveLogin />
            </Suspense>
          ) : null}
          {loading ? <Skeleton className="h-40" label="Loading Proxmox VE…" /> : null}
          {/* kept while a login is asked for, so that nothing typed is lost */}
          <div hidden={loading || access.kind === 'login'}>
            {ready && config.data && mapped === null ? (
              <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">
                No Proxmox VE storage in this deck's PVE_STORAGE_MAP points at {where}; add one (a storage of type pbs
                with this datastore and namespace) to restore from here. Meanwhile the command below needs your
                storage's name in place of <code>{snapshot.store}</code>.
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
              notice={notice}
              onStarted={(upid) => pve && setStarted({ node: pve.node, upid })}
              onCancel={onClose}
            />
          </div>
        </>
      )}
    </Dialog>
  );
}
