// Proxmox VE, through the deck's /pve-api/ mount: the restore flow's reads, and who the deck asks PVE as (the
// user's own PVE login, or the deck's token). Keys lead with 'pve', not a PBS server.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { pveDeckRequest, pvePath, pveRequest } from '@/api/pve-client';
import {
  pveBackupsSchema,
  pveDeckSessionSchema,
  pveDomainsSchema,
  pveLoginSchema,
  pveLogoutSchema,
  pveNextIdSchema,
  pveNodesSchema,
  pveResourcesSchema,
  pveStoragesSchema,
  pveTaskLogSchema,
  pveTaskStatusSchema,
} from '@/api/schemas/pve';
import type { GuestKind } from '@/lib/restore-command';
import { pveKeys } from './keys';
export { pveKeys } from './keys';

export const RESTORE_POLL_MS = 2_000;

const pveSessionKey = [...pveKeys.all, 'session'] as const;

export const pveQueries = {
  /** The deck's PVE session for this console: user mode with the PVE user (null before a login), or token mode. */
  session: () =>
    queryOptions({
      queryKey: pveSessionKey,
      queryFn: async ({ signal }) => (await pveDeckRequest('/deck/session', pveDeckSessionSchema, signal)).data,
    }),
  /** PVE's realms, for its login: no PVE login needed to read them. */
  domains: () =>
    queryOptions({
      queryKey: ['pve', 'domains'],
      queryFn: async ({ signal }) => (await pveRequest('GET', '/access/domains', pveDomainsSchema, {}, signal)).data,
      staleTime: 300_000,
    }),
  /** PVE_NODE, or else the first online node on which the storage is active. */
  node: (configured: string | null, storage: string) =>
    queryOptions({
      queryKey: ['pve', 'node', { configured, storage }],
      queryFn: async ({ signal }) => {
        if (configured) return configured;
        const nodes = (await pveRequest('GET', '/nodes', pveNodesSchema, {}, signal)).data;
        for (const { node } of nodes
          .filter((n) => n.status === 'online')
          .sort((a, b) => a.node.localeCompare(b.node))) {
          const list = (
            await pveRequest('GET', pvePath`/nodes/${node}/storage`, pveStoragesSchema, { storage }, signal)
          ).data;
          if (list.some((s) => s.storage === storage && s.active === 1)) return node;
        }
        throw new Error(`storage ${storage} is active on no online Proxmox VE node`);
      },
      staleTime: 300_000,
    }),
  targets: (node: string, kind: GuestKind) =>
    queryOptions({
      queryKey: ['pve', 'storages', { node, content: kind === 'vm' ? 'images' : 'rootdir' }],
      queryFn: async ({ signal }) =>
        (
          await pveRequest(
            'GET',
            pvePath`/nodes/${node}/storage`,
            pveStoragesSchema,
            { content: kind === 'vm' ? 'images' : 'rootdir', enabled: '1' },
            signal,
          )
        ).data,
      staleTime: 60_000,
    }),
  backups: (node: string, storage: string, vmid: string) =>
    queryOptions({
      queryKey: ['pve', 'backups', { node, storage, vmid }],
      queryFn: async ({ signal }) =>
        (
          await pveRequest(
            'GET',
            pvePath`/nodes/${node}/storage/${storage}/content`,
            pveBackupsSchema,
            { content: 'backup', vmid },
            signal,
          )
        ).data,
    }),
  nextId: () =>
    queryOptions({
      queryKey: pveKeys.nextId,
      queryFn: async ({ signal }) => (await pveRequest('GET', '/cluster/nextid', pveNextIdSchema, {}, signal)).data,
    }),
  guests: () =>
    queryOptions({
      queryKey: pveKeys.guests,
      queryFn: async ({ signal }) =>
        (await pveRequest('GET', '/cluster/resources', pveResourcesSchema, { type: 'vm' }, signal)).data,
    }),
  taskStatus: (node: string, upid: string) =>
    queryOptions({
      queryKey: ['pve', 'task', { node, upid }, 'status'],
      queryFn: async ({ signal }) =>
        (await pveRequest('GET', pvePath`/nodes/${node}/tasks/${upid}/status`, pveTaskStatusSchema, {}, signal)).data,
      refetchInterval: (q) => (q.state.data?.status === 'stopped' ? false : RESTORE_POLL_MS),
    }),
  /** While the task runs the log is read again and again; once it stopped, one last read (its own key) gets the end. */
  taskLog: (node: string, upid: string, running: boolean) =>
    queryOptions({
      queryKey: ['pve', 'task', { node, upid }, 'log', running ? 'running' : 'stopped'],
      placeholderData: keepPreviousData,
      queryFn: async ({ signal }) =>
        (
          await pveRequest(
            'GET',
            pvePath`/nodes/${node}/tasks/${upid}/log`,
            pveTaskLogSchema,
            { start: '0', limit: '0' },
            signal,
          )
        ).data,
      refetchInterval: running ? RESTORE_POLL_MS : false,
    }),
};

export interface PveCredentials {
  /** `user@realm` */
  username: string;
  /** the password, or for the second step `totp:<code>` or `recovery:<key>` */
  password: string;
}

/**
 * Logging in to and out of Proxmox VE through the deck, which keeps the ticket server-side. Both change who
 * every PVE read runs as, so they name all of PVE as changed.
 */
export const pveSessionMutations = {
  login: () => ({
    mutationFn: async ({ username, password }: PveCredentials) =>
      (await pveRequest('POST', '/access/ticket', pveLoginSchema, { username, password })).data,
    meta: { changes: [pveKeys.all] },
  }),
  /** Only the session changes: the reads it gated stop at once, and the next login refreshes them all. */
  logout: () => ({
    mutationFn: async () => {
      await pveRequest('DELETE', '/access/ticket', pveLogoutSchema);
    },
    meta: { changes: [pveSessionKey] },
  }),
};
