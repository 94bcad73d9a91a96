// The listings of the simulated Proxmox VE, filtered by the caller's privileges as PVE filters them:
// pve-manager PVE/API2/Nodes.pm index and PVE/API2/Cluster.pm resources, pve-storage PVE/API2/Storage/Status.pm
// index and PVE/API2/Storage/Content.pm index (each volume through check_volume_access).
import { PVE_NODES, type PveStorageConfig } from './pve-config';
import { paramError, PveError } from './pve-errors';
import type { PveModel } from './pve-model';
import { checkBackupAccess } from './pve-restore-checks';
import { listBackups, parseBackupVolume } from './pve-volumes';

export function checkNode(node: string): void {
  if (!(PVE_NODES as readonly string[]).includes(node)) throw new PveError(500, `no such cluster node '${node}'\n`);
}

/** extract_node_stats: every node is listed; its figures only with Sys.Audit on /nodes/<node>. */
export function nodeEntries(m: PveModel, authid: string) {
  return PVE_NODES.map((node, i) => {
    const entry = { node, id: `node/${node}`, type: 'node', status: 'online', level: '' };
    if (!m.access.has(authid, `/nodes/${node}`, 'Sys.Audit')) return entry;
    return {
      ...entry,
      maxcpu: 32,
      cpu: 0.08 + i * 0.05,
      maxmem: 256 * 1024 ** 3,
      mem: (88 + i * 20) * 1024 ** 3,
      uptime: 3_400_000 + i * 86400,
    };
  });
}

const used = (s: PveStorageConfig) => Math.round(s.total * (s.type === 'pbs' ? 0.41 : 0.37));

/** GET /nodes/{node}/storage: storages the caller holds Datastore.Audit or Datastore.AllocateSpace on. */
export function storageEntries(m: PveModel, authid: string, content: string[] | undefined, only: string | null) {
  const listed = m.storages.filter((s) => !content || s.content.some((c) => content.includes(c)));
  if (only !== null && !listed.some((s) => s.storage === only)) throw paramError({ storage: 'No such storage.' });
  return listed
    .filter((s) => {
      const privs = m.access.privs(authid, `/storage/${s.storage}`);
      return (privs.has('Datastore.Audit') || privs.has('Datastore.AllocateSpace')) && (!only || s.storage === only);
    })
    .map((s) => ({
      storage: s.storage,
      type: s.type,
      content: s.content.join(','),
      active: 1,
      enabled: 1,
      shared: s.shared,
      total: s.total,
      used: used(s),
      avail: s.total - used(s),
      used_fraction: used(s) / s.total,
    }));
}

/** GET /nodes/{node}/storage/{storage}/content: the volumes check_volume_access lets the caller see. */
export function contentEntries(m: PveModel, authid: string, storageId: string, content: string | null, vmid?: string) {
  m.access.checkAny(authid, `/storage/${storageId}`, ['Datastore.Audit', 'Datastore.AllocateSpace']);
  const storage = m.findStorage(storageId);
  if (!storage) throw new PveError(500, `storage '${storageId}' does not exist\n`);
  if (content && content !== 'backup') return [];
  return listBackups(m.sim, storage, vmid).filter((item) => {
    try {
      checkBackupAccess(m.access, authid, undefined, parseBackupVolume(item.volid));
      return true;
    } catch {
      return false;
    }
  });
}

/** GET /cluster/resources: pools with Pool.Audit, guests with VM.Audit, nodes, storages with Datastore.Audit. */
export function clusterResources(m: PveModel, authid: string, type: string | null) {
  const { access } = m;
  const out: Record<string, unknown>[] = [];
  const want = (t: string) => type === null || type === t;
  if (want('pool'))
    for (const p of access.pools)
      if (access.has(authid, `/pool/${p.poolid}`, 'Pool.Audit'))
        out.push({ id: `/pool/${p.poolid}`, pool: p.poolid, type: 'pool' });
  if (want('vm')) {
    m.settle();
    for (const g of [...m.guests.values()].sort((a, b) => a.vmid - b.vmid)) {
      if (!access.has(authid, `/vms/${g.vmid}`, 'VM.Audit')) continue;
      const pool = access.poolOf(g.vmid);
      out.push({
        id: `${g.type}/${g.vmid}`,
        type: g.type,
        vmid: g.vmid,
        name: g.name,
        node: g.node,
        status: g.status,
        template: 0,
        maxdisk: g.maxdisk,
        maxmem: g.maxmem,
        ...(g.lock ? { lock: g.lock } : {}),
        ...(pool !== undefined && access.has(authid, `/pool/${pool}`, 'Pool.Audit') ? { pool } : {}),
      });
    }
  }
  if (want('node')) out.push(...nodeEntries(m, authid));
  if (want('storage'))
    for (const s of m.storages) {
      if (!access.has(authid, `/storage/${s.storage}`, 'Datastore.Audit')) continue;
      for (const node of PVE_NODES)
        out.push({
          id: `storage/${node}/${s.storage}`,
          storage: s.storage,
          node,
          type: 'storage',
          status: 'available',
          plugintype: s.type,
          content: s.content.join(','),
          shared: s.shared,
          disk: used(s),
          maxdisk: s.total,
        });
    }
  return out;
}
