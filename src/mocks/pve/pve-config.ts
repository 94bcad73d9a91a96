// The simulated Proxmox VE cluster beside the PBS simulator: two nodes, their storages, and which storage of
// type `pbs` shows which datastore and namespace (what the deck's PVE_STORAGE_MAP says for a real cluster).
import type { Simulator } from '../sim/simulator';

export const PVE_NODES = ['pve1', 'pve2'] as const;
/** the node the deck runs restores on (PVE_NODE) */
export const PVE_RESTORE_NODE = 'pve1';
/** the API token the deck holds for PVE (PVE_TOKEN), as PVE writes it in task ids */
export const PVE_DECK_USER = 'root@pam!deck';

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

export const PVE_POOLS = ['prod', 'lab'];

/** The storages of type pbs whose datastore this simulator has, as /deck/config lists them. */
export function pbsStorages(sim: Simulator): PveStorageConfig[] {
  const stores = new Set(sim.listDatastores().map((d) => d.store));
  return PVE_STORAGES.filter((s) => s.type === 'pbs' && s.store !== undefined && stores.has(s.store));
}

export function findStorage(storage: string): PveStorageConfig | undefined {
  return PVE_STORAGES.find((s) => s.storage === storage);
}
