// The `demo` profile: three datastores, ~40 guests of four OS families, jobs and schedules.
import { Datastore, type StoreConfig } from './datastore';
import { TREE_CHUNK, type Guest, type OsFamily } from './guests';
import { hexOf, intIn, unit } from './random';
import type { BackupType, VerifyJobConfig } from './types';
import type { PruneJobConfig, SyncJobConfig } from './job-types';
import { GiB, TiB } from './ctx';

export const HISTORY_DAYS = 60;

export interface StoreSpec {
  config: StoreConfig;
  total: number;
  overhead: number;
}

export const DEMO_STORES: StoreSpec[] = [
  {
    config: {
      name: 'store1',
      path: '/mnt/datastore/store1',
      comment: 'Main datastore',
      'gc-schedule': 'daily',
      'notification-mode': 'notification-system',
    },
    total: 12 * TiB,
    overhead: 86 * GiB,
  },
  {
    config: {
      name: 'offsite',
      path: '/var/lib/proxmox-backup/s3-cache/offsite',
      comment: 'Offsite copy on S3',
      'gc-schedule': 'sat 03:30',
      backend: 'type=s3,client=hetzner-fsn1,bucket=pbs-offsite',
      'notification-mode': 'notification-system',
    },
    total: 8 * TiB,
    overhead: 3 * GiB,
  },
  {
    config: {
      name: 'archive',
      path: '/mnt/archive',
      comment: 'Retired NAS',
      'maintenance-mode': 'type=read-only,message="retired, kept for restores"',
    },
    total: 4 * TiB,
    overhead: 40 * GiB,
  },
];

type Row = [
  store: string,
  ns: string,
  type: BackupType,
  id: string,
  name: string,
  family: OsFamily,
  flags?: 'enc' | 'sign' | 'late' | 'split' | 'retired',
];

const ROWS: Row[] = [
  ['store1', '', 'vm', '100', 'pve-gw', 'debian'],
  ['store1', '', 'vm', '101', 'web01', 'debian'],
  ['store1', '', 'vm', '102', 'web02', 'debian'],
  ['store1', '', 'vm', '103', 'mail', 'debian'],
  ['store1', '', 'vm', '104', 'dc01', 'windows'],
  ['store1', '', 'vm', '105', 'dc02', 'windows'],
  ['store1', '', 'ct', '110', 'dns1', 'debian'],
  ['store1', '', 'ct', '111', 'dns2', 'debian', 'split'],
  ['store1', '', 'ct', '112', 'monitoring', 'ubuntu'],
  ['store1', '', 'host', 'pve1', 'pve1', 'debian'],
  ['store1', 'prod', 'vm', '200', 'erp-app', 'windows'],
  ['store1', 'prod', 'vm', '201', 'fileserver', 'windows'],
  ['store1', 'prod', 'vm', '202', 'rdp01', 'windows'],
  ['store1', 'prod', 'vm', '203', 'k8s-node1', 'ubuntu'],
  ['store1', 'prod', 'vm', '204', 'k8s-node2', 'ubuntu'],
  ['store1', 'prod', 'vm', '205', 'k8s-node3', 'ubuntu'],
  ['store1', 'prod', 'vm', '206', 'gitlab', 'ubuntu'],
  ['store1', 'prod', 'ct', '210', 'nginx-lb', 'debian', 'split'],
  ['store1', 'prod', 'ct', '211', 'redis', 'debian'],
  ['store1', 'prod/db', 'vm', '300', 'pg-primary', 'rocky', 'enc'],
  ['store1', 'prod/db', 'vm', '301', 'pg-replica', 'rocky', 'enc'],
  ['store1', 'prod/db', 'vm', '302', 'mariadb', 'rocky'],
  ['store1', 'prod/db', 'ct', '310', 'pgbouncer', 'rocky', 'enc'],
  ['store1', 'prod/db', 'vm', '303', 'mssql', 'windows'],
  ['store1', 'lab', 'vm', '900', 'ci-runner', 'ubuntu', 'late'],
  ['store1', 'lab', 'vm', '901', 'win11-test', 'windows', 'late'],
  ['store1', 'lab', 'ct', '910', 'sandbox', 'debian'],
  ['store1', 'lab', 'ct', '911', 'jupyter', 'ubuntu', 'sign'],
  ['store1', 'lab', 'vm', '902', 'rocky-test', 'rocky', 'late'],
  ['store1', 'lab', 'ct', '912', 'ansible', 'debian'],
  ['store1', 'lab', 'vm', '903', 'ubuntu-dev', 'ubuntu'],
  ['offsite', '', 'vm', '100', 'pve-gw', 'debian'],
  ['offsite', '', 'vm', '104', 'dc01', 'windows'],
  ['offsite', '', 'vm', '201', 'fileserver', 'windows', 'retired'],
  ['offsite', '', 'vm', '300', 'pg-primary', 'rocky', 'enc'],
  ['offsite', '', 'ct', '110', 'dns1', 'debian'],
  ['archive', '', 'vm', '500', 'old-erp', 'windows'],
  ['archive', '', 'vm', '501', 'old-mail', 'debian'],
  ['archive', '', 'ct', '510', 'legacy-wiki', 'debian'],
  ['archive', '', 'vm', '502', 'nas-old', 'rocky'],
];

const SIZE_GIB: Record<OsFamily, [number, number]> = {
  windows: [48, 96],
  debian: [8, 32],
  ubuntu: [16, 48],
  rocky: [24, 64],
};
const RATIO: Record<OsFamily, number> = { windows: 0.82, debian: 0.62, ubuntu: 0.66, rocky: 0.7 };

export function demoGuests(seed: number, start: number, days = HISTORY_DAYS): (Guest & { until?: number })[] {
  const perStore = new Map<string, number>();
  return ROWS.map(([store, ns, type, id, name, family, flag]) => {
    const i = perStore.get(store) ?? 0;
    perStore.set(store, i + 1);
    const key = `${store}/${ns}/${type}/${id}`;
    const [lo, hi] = SIZE_GIB[family];
    const gib =
      type === 'vm' ? intIn(seed, `size:${key}`, lo, hi) : type === 'ct' ? intIn(seed, `size:${key}`, 2, 8) : 6;
    const chunkRaw = type === 'vm' ? 4 * 1024 * 1024 : TREE_CHUNK;
    const night = store === 'offsite' ? 2 * 3600 : 21 * 3600;
    const at = (night + i * 9 * 60 + intIn(seed, `at:${key}`, 0, 240)) % 86400;
    const lateDays = flag === 'late' ? Math.min(days - 1, intIn(seed, `late:${key}`, 5, 25)) : 0;
    const encrypted = flag === 'enc';
    const keyed = encrypted || flag === 'sign';
    const g: Guest & { until?: number } = {
      seed,
      store,
      ns,
      type,
      id,
      name,
      family,
      owner: ns.startsWith('prod/') || ns === 'lab' || store === 'offsite' ? 'root@pam!pve' : 'root@pam',
      encrypted,
      signed: flag === 'sign',
      chunks: Math.round((gib * GiB) / chunkRaw),
      chunkRaw,
      ratio: encrypted ? 0.9 : type === 'vm' ? RATIO[family] : 0.45,
      at,
      since: start - (days - lateDays) * 86400,
      split: flag === 'split',
      clientLog: unit(seed, `log:${key}`) < 0.85,
    };
    if (keyed)
      g.fingerprint = (hexOf(seed, `fp:${store}:${encrypted ? 'enc' : 'sign'}`, 64).match(/../g) ?? []).join(':');
    if (store === 'archive') g.until = start - Math.floor(days / 2) * 86400;
    // the offsite backup of one guest stopped some days ago (its job was removed): /guests must show it stale
    if (flag === 'retired') g.until = start - Math.min(days - 1, intIn(seed, `retired:${key}`, 4, 8)) * 86400;
    return g;
  });
}

export function demoStores(start: number, days = HISTORY_DAYS): Datastore[] {
  return DEMO_STORES.map((s) => new Datastore({ ...s.config }, s.total, s.overhead, start - days * 86400 - 3 * 86400));
}

export const DEMO_PRUNE_JOBS: PruneJobConfig[] = [
  { id: 's-6b1f0c2e-a3d4', store: 'store1', schedule: '05:15', 'keep-daily': 7, 'keep-weekly': 4, 'keep-monthly': 3 },
  { id: 's-0e93d7a1-55c2', store: 'offsite', schedule: '05:45', 'keep-daily': 7, 'keep-weekly': 4, 'keep-monthly': 3 },
];

// the branch office's PBS mirrors what the offsite store holds, so its runs find nothing new
export const DEMO_SYNC_JOBS: SyncJobConfig[] = [
  {
    id: 's-branch-offsite',
    store: 'offsite',
    remote: 'pbs-branch',
    'remote-store': 'branch',
    owner: 'root@pam!pve',
    schedule: '04:30',
    comment: 'Branch office mirror',
  },
];

export const DEMO_VERIFY_JOBS: VerifyJobConfig[] = [
  {
    id: 'v-3fa2b1c9-7d10',
    store: 'store1',
    schedule: 'sat 05:30',
    'ignore-verified': true,
    'outdated-after': 30,
    comment: 'Weekly verify',
  },
  {
    id: 'v-8c41e0d2-19ab',
    store: 'offsite',
    schedule: 'sun 06:00',
    'ignore-verified': true,
    comment: 'Offsite verify',
  },
];
