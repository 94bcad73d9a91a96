// Query factories and the restore mutation of the guest restore flow (Proxmox VE through /pve-api/).
import { pvePath, pveRequest } from '@/api/pve-client';
import { defaultServer } from '@/api/queries/default-server';
import { deckQueries, type DeckConfig } from '@/api/queries/deck';
import { pveKeys, pveQueries as pve, pveSessionMutations } from '@/api/queries/pve';
import { pveUpidSchema } from '@/api/schemas/pve';
import type { GuestKind } from '@/lib/restore-command';

export { RESTORE_POLL_MS } from '@/api/queries/pve';

export const pveQueries = {
  /** The `pve` part of /deck/config: null when this deck has no Proxmox VE to restore to. */
  config: () => ({ ...deckQueries.config(defaultServer), select: (config: DeckConfig) => config.pve }),
  ...pve,
};

export const pveMutations = {
  ...pveSessionMutations,
  restore: () => ({
    mutationFn: async ({ node, kind, params }: { node: string; kind: GuestKind; params: Record<string, string> }) =>
      (
        await pveRequest(
          'POST',
          kind === 'vm' ? pvePath`/nodes/${node}/qemu` : pvePath`/nodes/${node}/lxc`,
          pveUpidSchema,
          params,
        )
      ).data,
    meta: { changes: [pveKeys.guests, pveKeys.nextId] },
  }),
};
