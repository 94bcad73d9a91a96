import { notifyManager, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { isPveLoginRequired } from '@/api/pve-client';
import { pveKeys } from '@/api/queries/pve';

/**
 * When a Proxmox VE read or write last heard from the deck that it holds no PVE login (it expired, or PVE
 * stopped accepting it): the epoch ms of that answer, 0 if none. Newer than the session read means the login
 * is gone; the next login refreshes the session and every read, while a refused write waits for the user.
 */
export function usePveLoginLostAt(): number {
  const client = useQueryClient();
  const subscribe = useCallback(
    (onChange: () => void) => {
      // the caches also change while a component renders (a new query): tell React afterwards, as useQuery does
      const changed = notifyManager.batchCalls(onChange);
      const queries = client.getQueryCache().subscribe(changed);
      const mutations = client.getMutationCache().subscribe(changed);
      return () => {
        queries();
        mutations();
      };
    },
    [client],
  );
  const read = useCallback(() => {
    let at = 0;
    for (const q of client.getQueryCache().findAll({ queryKey: pveKeys.all }))
      if (isPveLoginRequired(q.state.error)) at = Math.max(at, q.state.errorUpdatedAt);
    for (const m of client.getMutationCache().getAll())
      if (isPveLoginRequired(m.state.error)) at = Math.max(at, m.state.submittedAt);
    return at;
  }, [client]);
  return useSyncExternalStore(subscribe, read, read);
}
