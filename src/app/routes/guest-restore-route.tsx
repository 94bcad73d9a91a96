import { useQuery } from '@tanstack/react-query';
import { readableItems } from '@/lib/item-error';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { GuestRestoreDialog } from '@/features/restore/guest-restore-dialog';
import { datastoreAclPath, offerOf } from '@/lib/access-rules';
import { parseNs } from '@/lib/namespace-path';
import { returnFocusToOpener } from '@/lib/route-dialog-focus';
import { appQueries } from '../queries';
import { useSession } from '../session';
import { usePathPrivileges } from '../use-can';

/** Why PBS would not let the user read the snapshot Proxmox VE restores from, once known; null if it would. */
function useReadRefusal(store: string, ns: string, type: string, id: string): string | null {
  const authId = useSession()?.username ?? '';
  const path = datastoreAclPath(store, ns);
  const { privs, known } = usePathPrivileges(path);
  // only a Datastore.Backup user needs the group's owner
  const ownerMatters = known && !privs.has('Datastore.Read') && privs.has('Datastore.Backup');
  const owner = useQuery({
    ...appQueries.groups(store, ns),
    enabled: ownerMatters,
    select: (groups) =>
      readableItems(groups).find((g) => g['backup-type'] === type && g['backup-id'] === id)?.owner ?? '',
  });
  if (!known || (ownerMatters && owner.isPending)) return null;
  const read = offerOf('download', { privs, path, authId, owner: owner.data });
  return read.offered ? null : read.reason;
}

/** /datastores/:store/restore?ns&type&id&time: the restore dialog of one VM or container snapshot. */
export default function GuestRestoreRoute() {
  const store = useParams().store ?? '';
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const ns = parseNs(search.get('ns'));
  const type = search.get('type');
  const id = search.get('id') ?? '';
  const time = Number(search.get('time'));
  const contentHref = `/datastores/${encodeURIComponent(store)}/content${ns ? `?ns=${encodeURIComponent(ns)}` : ''}`;
  const close = () => {
    returnFocusToOpener();
    if (location.key !== 'default') void navigate(-1);
    else void navigate(contentHref);
  };
  const refusal = useReadRefusal(store, ns ?? '', type ?? '', id);
  const valid =
    ns !== null && (type === 'vm' || type === 'ct') && /^\d+$/.test(id) && Number.isInteger(time) && time > 0;
  return (
    <div className="p-6">
      <h1 className="text-xl font-semibold">Restore a guest</h1>
      {valid ? (
        <GuestRestoreDialog snapshot={{ store, ns, type, id, time }} refusal={refusal} onClose={close} />
      ) : (
        <p className="mt-2 text-sm">
          Proxmox VE restores VM and container snapshots with numeric ids only; this link names none.
        </p>
      )}
    </div>
  );
}
