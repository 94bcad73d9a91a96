// The guests the simulated cluster runs: every VM and container the PBS simulator still backs up (a guest whose
// backups stopped days ago is gone), spread over the two nodes.
import type { Simulator } from '../sim/simulator';
import { PVE_NODES, PVE_PROTECTED, PVE_STOPPED } from './pve-config';

export interface PveGuest {
  vmid: number;
  type: 'qemu' | 'lxc';
  node: string;
  name: string;
  status: 'running' | 'stopped';
  lock?: string;
  /** `protection: 1` in the guest's configuration */
  protection?: boolean;
  maxdisk: number;
  maxmem: number;
}

const GONE_AFTER = 3 * 86400;

export function initialGuests(sim: Simulator): Map<number, PveGuest> {
  const guests = new Map<number, PveGuest>();
  const now = sim.now();
  for (const { store } of sim.listDatastores()) {
    for (const { ns } of sim.listNamespaces(store)) {
      for (const g of sim.listGroups(store, ns || undefined)) {
        const type = g['backup-type'];
        const id = g['backup-id'];
        if ((type !== 'vm' && type !== 'ct') || !/^\d+$/.test(id) || now - g['last-backup'] > GONE_AFTER) continue;
        const vmid = Number(id);
        if (guests.has(vmid)) continue;
        guests.set(vmid, {
          vmid,
          type: type === 'vm' ? 'qemu' : 'lxc',
          node: PVE_NODES[vmid % PVE_NODES.length]!,
          name: g.comment?.split('\n')[0]?.trim() || `${type === 'vm' ? 'vm' : 'ct'}${id}`,
          status: PVE_STOPPED.includes(vmid) ? 'stopped' : 'running',
          ...(PVE_PROTECTED.includes(vmid) ? { protection: true } : {}),
          maxdisk: 32 * 1024 ** 3,
          maxmem: (type === 'vm' ? 4096 : 1024) * 1024 ** 2,
        });
      }
    }
  }
  return guests;
}
