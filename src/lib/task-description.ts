import { formatSnapshotTime } from './format-time';

/*
 * Words for a task from its worker type and (unescaped) worker id, following the id layouts PBS
 * uses per worker type (shared/reference/pbs-api.md §5). Unknown layouts fall back to the raw id,
 * so a new PBS version degrades to "type id" rather than to nonsense.
 */

type Describe = (id: string) => string | null;

const GROUP = '(vm|ct|host)\\/([^/]+)';
// verify*: `<store>:<ns as ns/a/ns/b>/<type>/<id>[/<TIME hex>]`, root namespace → `<store>:/<type>/<id>`
const VERIFY_GROUP = new RegExp(`^([^:]+):(.*)\\/${GROUP}$`);
const VERIFY_SNAPSHOT = new RegExp(`^([^:]+):(.*)\\/${GROUP}\\/([0-9A-Fa-f]{8})$`);
// prune (one group): `<store>:<ns as a/b>:<type>/<id>`
const PRUNE_GROUP = new RegExp(`^([^:]+):([^:]*):${GROUP}$`);
// reader: `<store>:<type>/<id>/<TIME hex>`
const READER = new RegExp(`^([^:]+):${GROUP}\\/([0-9A-Fa-f]{8})$`);
// syncjob: `<remote or ->:<remote-store>:<store>:<ns>:<jobid>`
const SYNC_JOB = /^([^:]+):([^:]+):([^:]+):([^:]*):(.+)$/;

/** `ns/a/ns/b` (the on-disk path form used in verify ids) → `a/b`. */
export function namespaceFromPath(path: string): string {
  return path
    .split('/')
    .filter((_, i) => i % 2 === 1)
    .join('/');
}

const inNs = (ns: string) => (ns ? ` in namespace ${ns}` : '');
const snapshotTime = (hex: string) => formatSnapshotTime(parseInt(hex, 16));

function storeAndNs(id: string): [store: string, ns: string] {
  const colon = id.indexOf(':');
  return colon < 0 ? [id, ''] : [id.slice(0, colon), id.slice(colon + 1)];
}

const describers: Record<string, Describe> = {
  garbage_collection: (id) => `Garbage collection on ${id}`,
  verify: (id) => {
    const [store, nsPath] = storeAndNs(id);
    return `Verify datastore ${store}${inNs(namespaceFromPath(nsPath))}`;
  },
  verify_group: (id) => {
    const m = VERIFY_GROUP.exec(id);
    return m ? `Verify group ${m[1]}:${m[3]}/${m[4]}${inNs(namespaceFromPath(m[2] ?? ''))}` : null;
  },
  verify_snapshot: (id) => {
    const m = VERIFY_SNAPSHOT.exec(id);
    if (!m) return null;
    return `Verify snapshot ${m[1]}:${m[3]}/${m[4]}/${snapshotTime(m[5] ?? '')}${inNs(namespaceFromPath(m[2] ?? ''))}`;
  },
  verificationjob: (id) => `Verification job ${id}`,
  backup: (id) => `Backup ${id}`,
  reader: (id) => {
    const m = READER.exec(id);
    return m ? `Read ${m[1]}:${m[2]}/${m[3]}/${snapshotTime(m[4] ?? '')}` : null;
  },
  prune: (id) => {
    const m = PRUNE_GROUP.exec(id);
    if (m) return `Prune ${m[1]}:${m[3]}/${m[4]}${inNs(m[2] ?? '')}`;
    const [store, ns] = storeAndNs(id);
    return `Prune datastore ${store}${inNs(ns)}`;
  },
  prunejob: (id) => {
    const [store, ns] = storeAndNs(id);
    return `Prune job on ${store}${inNs(ns)}`;
  },
  syncjob: (id) => {
    const m = SYNC_JOB.exec(id);
    if (!m) return null;
    const source = m[1] === '-' ? `local datastore ${m[2]}` : `${m[1]}:${m[2]}`;
    return `Sync job ${m[5]}: ${source} to ${m[3]}${inNs(m[4] ?? '')}`;
  },
  sync: (id) => `Sync to ${id}`,
  'create-datastore': (id) => `Create datastore ${id}`,
  'delete-datastore': (id) => `Remove datastore ${id}`,
  'delete-namespace': (id) => `Remove namespace ${id}`,
  'forget-group': (id) => `Remove group ${id}`,
  'realm-sync': (id) => `Sync realm ${id}`,
  dircreate: (id) => `Create directory storage ${id}`,
  dirremove: (id) => `Remove directory ${id}`,
  zfscreate: (id) => `Create ZFS storage ${id}`,
  wipedisk: (id) => `Wipe disk ${id}`,
  diskinit: (id) => `Initialize disk ${id}`,
  srvstart: (id) => `Start service ${id}`,
  srvstop: (id) => `Stop service ${id}`,
  srvrestart: (id) => `Restart service ${id}`,
  srvreload: (id) => `Reload service ${id}`,
  'tape-backup': (id) => `Tape backup ${id}`,
  'tape-backup-job': (id) => `Tape backup job ${id}`,
  'tape-restore': (id) => `Tape restore ${id}`,
  'acme-register': (id) => `Register ACME account ${id}`,
  'acme-update': (id) => `Update ACME account ${id}`,
  'acme-deactivate': (id) => `Deactivate ACME account ${id}`,
  'label-media': (id) => `Label media in drive ${id}`,
  'barcode-label-media': (id) => `Label media by barcode in drive ${id}`,
  'catalog-media': (id) => `Catalog media in drive ${id}`,
  'eject-media': (id) => `Eject media from drive ${id}`,
  'format-media': (id) => `Format media in drive ${id}`,
  'inventory-update': (id) => `Update inventory of drive ${id}`,
  'rewind-media': (id) => `Rewind media in drive ${id}`,
  'unload-media': (id) => `Unload media from drive ${id}`,
  // `<drive>:<label>`
  'load-media': (id) => {
    const colon = id.indexOf(':');
    return colon < 0 ? `Load media in drive ${id}` : `Load media ${id.slice(colon + 1)} in drive ${id.slice(0, colon)}`;
  },
};

/** Tasks whose id is empty or meaningless. */
const fixed: Record<string, string> = {
  aptupdate: 'Update package database',
  logrotate: 'Log rotation',
  termproxy: 'Console',
  'acme-new-cert': 'Order certificate',
  'acme-renew-cert': 'Renew certificate',
  'acme-revoke-cert': 'Revoke certificate',
};

/** "Garbage collection on store2", "Verify datastore store1", "Backup store1:vm/100", … */
export function describeTask(workerType: string, workerId: string | null | undefined): string {
  const fixedText = fixed[workerType];
  if (fixedText) return fixedText;
  const id = workerId ?? '';
  const describe = describers[workerType];
  const text = describe && id ? describe(id) : null;
  if (text) return text;
  return id ? `${workerType} ${id}` : workerType;
}
