import { ErrorState } from '@/components/ui/error-state';

/** Proxmox VE's (or the deck's) refusal of a login, word for word. */
export function PveLoginError({ error }: { error: Error | null }) {
  if (!error) return null;
  return <ErrorState title="Proxmox VE refused the login" message={error.message} />;
}
