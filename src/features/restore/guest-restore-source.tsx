import { useQuery } from '@tanstack/react-query';
import { pveQueries } from './pve-api';

interface SourceProps {
  node: string;
  storage: string;
  vmid: string;
  volid: string;
}

/** Whether Proxmox VE lists this backup on its storage, and what it says about encryption. */
export function GuestRestoreSource({ node, storage, vmid, volid }: SourceProps) {
  const backups = useQuery(pveQueries.backups(node, storage, vmid));
  if (!backups.data) return null;
  const found = backups.data.find((b) => b.volid === volid);
  if (!found) {
    return (
      <p
        role="note"
        className="mb-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-100"
      >
        Proxmox VE does not list this backup on storage {storage}: check that the storage points at this datastore and
        namespace.
      </p>
    );
  }
  if (!found.encrypted) return null;
  return (
    <p role="note" className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">
      This backup is encrypted: the restore works only if storage {storage} holds its encryption key.
    </p>
  );
}
