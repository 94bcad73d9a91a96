// Proxmox VE, through the deck's /pve-api/ mount: the restore flow's reads. Keys lead with 'pve', not a PBS server.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { pvePath, pveRequest } from '@/api/pve-client';
import {
  pveBackupsSchema,
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

export const pveQueries = {
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
