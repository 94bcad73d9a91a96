// The simulated Proxmox VE cluster beside the PBS simulator: two nodes, their storages, and which storage of
// type `pbs` shows which datastore and namespace (what the deck's PVE_STORAGE_MAP says for a real cluster).
import type { Simulator } from '../sim/simulator';
import type { PvePool } from './pve-acl';

export const PVE_NODES = ['pve1', 'pve2'] as const;
/** the node the deck runs restores on (PVE_NODE) */
export const PVE_RESTORE_NODE = 'pve1';

export interface PveStorageConfig {
  storage: string;
  type: 'dir' | 'lvmthin' | 'zfspool' | 'pbs';
  content: string[];
  shared: 0 | 1;
  total: number;
  /** pbs: the datastore and namespace it shows */
  store?: string;
  ns?: string;
  /** pbs: an encryption key is configured on the storage */
  encryptionKey?: boolean;
}

const GiB = 1024 ** 3;

export const PVE_STORAGES: PveStorageConfig[] = [
  { storage: 'local', type: 'dir', content: ['backup', 'iso', 'vztmpl'], shared: 0, total: 94 * GiB },
  { storage: 'local-lvm', type: 'lvmthin', content: ['images', 'rootdir'], shared: 0, total: 1650 * GiB },
  { storage: 'vmdata', type: 'zfspool', content: ['images', 'rootdir'], shared: 0, total: 3600 * GiB },
  {
    storage: 'pbs-store1',
    type: 'pbs',
    content: ['backup'],
    shared: 1,
    total: 12 * 1024 * GiB,
    store: 'store1',
    ns: '',
  },
  {
    storage: 'pbs-prod',
    type: 'pbs',
    content: ['backup'],
    shared: 1,
    total: 12 * 1024 * GiB,
    store: 'store1',
    ns: 'prod',
  },
  // the databases' backups are encrypted; this storage holds their key
  {
    storage: 'pbs-db',
    type: 'pbs',
    content: ['backup'],
    shared: 1,
    total: 12 * 1024 * GiB,
    store: 'store1',
    ns: 'prod/db',
    encryptionKey: true,
  },
  // no key here: an encrypted backup seen through this storage cannot be restored
  {
    storage: 'pbs-offsite',
    type: 'pbs',
    content: ['backup'],
    shared: 1,
    total: 8 * 1024 * GiB,
    store: 'offsite',
    ns: '',
  },
  {
    storage: 'pbs-archive',
    type: 'pbs',
    content: ['backup'],
    shared: 1,
    total: 4 * 1024 * GiB,
    store: 'archive',
    ns: '',
  },
];

/**
 * Pools and their members: `lab` holds web01 (VM 101) and the test guests (VMs 900-903, CTs 910-912); `prod` holds
 * the production guests, VM 100 among them. No storage belongs to a pool. A restore with `pool` adds its guest.
 */
export function pveDemoPools(): PvePool[] {
  return [
    { poolid: 'lab', vms: [101, 900, 901, 902, 903, 910, 911, 912], storage: [] },
    {
      poolid: 'prod',
      vms: [
        100, 102, 103, 104, 105, 110, 111, 112, 200, 201, 202, 203, 204, 205, 206, 210, 211, 300, 301, 302, 303, 310,
      ],
      storage: [],
    },
  ];
}

/** Guests whose configuration says `protection: 1` (PVE refuses to restore over them). */
export const PVE_PROTECTED = [103];
/** Guests that are stopped when the simulator starts; every other guest runs. */
export const PVE_STOPPED = [100];

/** The cluster's name, as /access/ticket reports it to users with Sys.Audit on /. */
export const PVE_CLUSTER_NAME = 'homelab';

/** The storages of type pbs whose datastore this simulator has, as /deck/config lists them. */
export function pbsStorages(sim: Simulator): PveStorageConfig[] {
  const stores = new Set(sim.listDatastores().map((d) => d.store));
  return PVE_STORAGES.filter((s) => s.type === 'pbs' && s.store !== undefined && stores.has(s.store));
}

export function findStorage(storage: string): PveStorageConfig | undefined {
  return PVE_STORAGES.find((s) => s.storage === storage);
}
