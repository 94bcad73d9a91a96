import { useMutation } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { pveMutations } from './pve-api';

interface PveIdentityProps {
  mode: 'user' | 'token';
  username: string;
}

/** Whom Proxmox VE sees: the user's own PVE login (which they can end here) or the deck's API token. */
export function PveIdentity({ mode, username }: PveIdentityProps) {
  const logout = useMutation(pveMutations.logout());
  return (
    <div className="mb-3 space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p>
          Proxmox VE: <span className="font-medium">{username}</span>
          {mode === 'token' ? (
            <span className="text-neutral-600 dark:text-neutral-400"> (this deck’s API token)</span>
          ) : null}
        </p>
        {mode === 'user' ? (
          <Button size="sm" onClick={() => logout.mutate()} disabled={logout.isPending}>
            {logout.isPending ? 'Logging out…' : 'Log out of Proxmox VE'}
          </Button>
        ) : null}
      </div>
      {logout.error ? <ErrorState title="The Proxmox VE logout failed" message={logout.error.message} /> : null}
    </div>
  );
}
