import { useId, useState } from 'react';
import type { PveTfaChallenge } from '@/api/schemas/pve';
import { PveLoginForm } from './pve-login-form';
import { EMPTY_PVE_LOGIN } from './pve-login-value';
import { PveTfaStep } from './pve-tfa-step';

/**
 * Logs in to Proxmox VE through the deck, which keeps the ticket: restores then run with the user's own PVE
 * rights. Once the deck has the login, its session query (refreshed by the login) takes this step away.
 */
export function PveLogin() {
  const [value, setValue] = useState(EMPTY_PVE_LOGIN);
  const [challenge, setChallenge] = useState<PveTfaChallenge | null>(null);
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <h3 id={titleId} className="text-base font-semibold">
        Log in to Proxmox VE
      </h3>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        Restores run as your own Proxmox VE user, with its rights.
      </p>
      {challenge ? (
        <PveTfaStep challenge={challenge} onBack={() => setChallenge(null)} />
      ) : (
        <PveLoginForm value={value} onChange={setValue} onTfa={setChallenge} />
      )}
    </section>
  );
}
