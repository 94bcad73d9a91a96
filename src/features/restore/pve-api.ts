// Query factories and the restore mutation of the guest restore flow (Proxmox VE through /pve-api/).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { GuestKind } from '@/lib/restore-command';
import { pvePath, pveRequest } from './pve-client';
import {
  pveBackupsSchema, pveDeckConfigSchema, pveNextIdSchema, pveNodesSchema, pveResourcesSchema, pveStoragesSchema,
  pveTaskLogSchema, pveTaskStatusSchema, pveUpidSchema,
} from './pve-schemas';

export const RESTORE_POLL_MS = 2_000;

export const pveQueries = {
  /** The `pve` part of /deck/config: null when this deck has no Proxmox VE to restore to. */
  config: () =>
    queryOptions({
      queryKey: ['deck', 'config', 'pve'],
      queryFn: async ({ signal }) => {
        const response = await fetch('/deck/config', { signal, headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(`/deck/config answered ${response.status}`);
        return pveDeckConfigSchema.parse(await response.json()).pve;
      },
      staleTime: Infinity,
    }),
  /** PVE_NODE, or else the first online node on which the storage is active. */
  node: (configured: string | null, storage: string) =>
    queryOptions({
      queryKey: ['pve', 'node', { configured, storage }],
      queryFn: async ({ signal }) => {
        if (configured) return configured;
        const nodes = (await pveRequest('GET', '/nodes', pveNodesSchema, {}, signal)).data;
        for (const { node } of nodes.filter((n) => n.status === 'online').sort((a, b) => a.node.localeCompare(b.node))) {
          const list = (await pveRequest('GET', pvePath`/nodes/${node}/storage`, pveStoragesSchema, { storage }, signal)).data;
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
        (await pveRequest('GET', pvePath`/nodes/${node}/storage`, pveStoragesSchema, { content: kind === 'vm' ? 'images' : 'rootdir', enabled: '1' }, signal)).data,
      staleTime: 60_000,
    }),
  backups: (node: string, storage: string, vmid: string) =>
    queryOptions({
      queryKey: ['pve', 'backups', { node, storage, vmid }],
      queryFn: async ({ signal }) =>
        (await pveRequest('GET', pvePath`/nodes/${node}/storage/${storage}/content`, pveBackupsSchema, { content: 'backup', vmid }, signal)).data,
    }),
  nextId: () =>
    queryOptions({
      queryKey: ['pve', 'nextid'],
      queryFn: async ({ signal }) => (await pveRequest('GET', '/cluster/nextid', pveNextIdSchema, {}, signal)).data,
    }),
  guests: () =>
    queryOptions({
      queryKey: ['pve', 'guests'],
      queryFn: async ({ signal }) => (await pveRequest('GET', '/cluster/resources', pveResourcesSchema, { type: 'vm' }, signal)).data,
    }),
  taskStatus: (node: string, upid: string) =>
    queryOptions({
      queryKey: ['pve', 'task', { node, upid }, 'status'],
      queryFn: async ({ signal }) => (await pveRequest('GET', pvePath`/nodes/${node}/tasks/${upid}/status`, pveTaskStatusSchema, {}, signal)).data,
      refetchInterval: (q) => (q.state.data?.status === 'stopped' ? false : RESTORE_POLL_MS),
    }),
  /** While the task runs the log is read again and again; once it stopped, one last read (its own key) gets the end. */
  taskLog: (node: string, upid: string, running: boolean) =>
    queryOptions({
      queryKey: ['pve', 'task', { node, upid }, 'log', running ? 'running' : 'stopped'],
      placeholderData: keepPreviousData,
      queryFn: async ({ signal }) => (await pveRequest('GET', pvePath`/nodes/${node}/tasks/${upid}/log`, pveTaskLogSchema, { start: '0', limit: '0' }, signal)).data,
      refetchInterval: running ? RESTORE_POLL_MS : false,
    }),
};

export const pveMutations = {
  restore: () => ({
    mutationKey: ['pve', 'restore'],
    mutationFn: async ({ node, kind, params }: { node: string; kind: GuestKind; params: Record<string, string> }) =>
      (await pveRequest('POST', kind === 'vm' ? pvePath`/nodes/${node}/qemu` : pvePath`/nodes/${node}/lxc`, pveUpidSchema, params)).data,
    meta: { invalidates: [['pve', 'guests'], ['pve', 'nextid']] },
  }),
};
