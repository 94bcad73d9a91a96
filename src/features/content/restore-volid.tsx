import { useId, useRef } from 'react';
import { Link } from 'react-router';
import { buttonVariants } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import type { Offer } from '@/lib/access-rules';
import { guestRestoreHref, pveVolid } from '@/lib/restore-command';
import { useFocusWhenReturned, useRememberOpener } from '@/lib/route-dialog-focus';
import type { DetailRef } from './url-state';

/**
 * The volume id under which Proxmox VE lists this snapshot. PVE's volume ids carry no namespace: the PVE
 * storage's own `namespace` setting picks it, so the storage must point at this datastore and namespace.
 */
export function RestoreVolid({ store, snapshot, restore }: { store: string; snapshot: DetailRef; restore: Offer }) {
  const headingId = useId();
  const volid = pveVolid(store, snapshot.type, snapshot.id, snapshot.time);
  const link = useRef<HTMLAnchorElement>(null);
  const openerKey = `restore ${store} ${snapshot.ns} ${snapshot.type}/${snapshot.id}/${snapshot.time}`;
  const remember = useRememberOpener(openerKey);
  useFocusWhenReturned(openerKey, link);
  return (
    <section aria-labelledby={headingId} className="space-y-1">
      <h3 id={headingId} className="text-sm font-semibold">
        Restore from Proxmox VE
      </h3>
      {volid ? (
        <>
          {restore.offered ? (
            <Link
              ref={link}
              onClick={remember}
              to={guestRestoreHref(store, snapshot.ns, snapshot.type, snapshot.id, snapshot.time)}
              className={buttonVariants({ size: 'sm' })}
            >
              Restore…
            </Link>
          ) : (
            <p className="text-xs text-neutral-600 dark:text-neutral-400">Restoring: {restore.reason}.</p>
          )}
          <div className="flex items-center gap-1">
            <code
              className="min-w-0 flex-1 truncate rounded bg-neutral-100 px-1.5 py-0.5 text-xs dark:bg-neutral-800"
              title={volid}
            >
              {volid}
            </code>
            <CopyButton value={volid} label="Copy Proxmox VE volume id" />
          </div>
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            <code>{store}</code> stands for the name of the Proxmox VE storage (type <code>pbs</code>) that points at
            datastore <code>{store}</code>
            {snapshot.ns ? (
              <>
                {' '}
                with namespace <code>{snapshot.ns}</code>: Proxmox VE takes the namespace from the storage, not from the
                volume id
              </>
            ) : null}
            .
          </p>
        </>
      ) : (
        <p className="text-xs text-neutral-600 dark:text-neutral-400">
          Proxmox VE lists only VM and container backups with numeric ids; restore this one with proxmox-backup-client.
        </p>
      )}
    </section>
  );
}
