import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { GuestRestoreDialog } from '@/features/restore/guest-restore-dialog';
import { parseNs } from '@/lib/namespace-path';

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
    if (location.key !== 'default') void navigate(-1);
    else void navigate(contentHref);
  };
  const valid =
    ns !== null && (type === 'vm' || type === 'ct') && /^\d+$/.test(id) && Number.isInteger(time) && time > 0;
  return (
    <div className="p-6">
      <h1 className="text-xl font-semibold">Restore a guest</h1>
      {valid ? (
        <GuestRestoreDialog snapshot={{ store, ns, type, id, time }} onClose={close} />
      ) : (
        <p className="mt-2 text-sm">
          Proxmox VE restores VM and container snapshots with numeric ids only; this link names none.
        </p>
      )}
    </div>
  );
}
