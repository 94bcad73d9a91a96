/*
 * PBS-shaped values for endpoints without a real sample in shared/pbs-samples, written from
 * shared/reference/pbs-api.md. Used by the schema tests only.
 */

const gcStatus = {
  upid: null,
  'index-file-count': 12,
  'index-data-bytes': 1_288_490_188_800,
  'disk-bytes': 214_748_364_800,
  'disk-chunks': 51_200,
  'removed-bytes': 0,
  'removed-chunks': 0,
  'pending-bytes': 1024,
  'pending-chunks': 1,
  'removed-bad': 0,
  'still-bad': 0,
};

const upid =
  'UPID:pbs1:000003E8:0001A2B3:00000002:6661A3F0:verificationjob:store1\\x3av\\x2d1a2b3c4d\\x2d5e6f:root@pam:';
const verifyJob = {
  id: 'v-1a2b3c4d-5e6f',
  store: 'store1',
  schedule: 'daily',
  'ignore-verified': true,
  'outdated-after': 30,
};

export const examples = {
  gcStatus,
  ticket: {
    username: 'root@pam',
    ticket: 'PBS:root@pam:66601A2B::Zm9vYmFy',
    CSRFPreventionToken: '66601A2B:c2lnbmF0dXJl',
  },
  domains: [
    { realm: 'pam', type: 'pam', comment: 'Linux PAM standard authentication', default: true },
    { realm: 'pbs', type: 'pbs', comment: 'Proxmox Backup authentication server' },
  ],
  permissions: { '/datastore/store1': { 'Datastore.Audit': true, 'Datastore.Backup': false } },
  version: { version: '4.2', release: '1', repoid: '04249710f076bea8966c4e60ce32198d626ad9d6' },
  nodeStatus: {
    memory: { total: 8, used: 4, free: 4 },
    swap: { total: 0, used: 0, free: 0 },
    root: { total: 100, used: 10, avail: 90 },
    uptime: 803,
    loadavg: [0.02, 0.03, 0.04],
    cpu: 0.004,
    wait: 0.001,
    cpuinfo: { model: 'QEMU Virtual CPU', sockets: 1, cpus: 4 },
    'current-kernel': { sysname: 'Linux', release: '6.14.8-2-pve', version: '#1 SMP', machine: 'x86_64' },
    kversion: 'Linux 6.14.8-2-pve #1 SMP',
    info: { fingerprint: 'AA:BB' },
    'boot-info': { mode: 'efi', secureboot: false },
  },
  nodeTime: { timezone: 'Europe/Vienna', time: 1_700_000_000, localtime: 1_700_003_600 },
  datastoreList: [
    { store: 'store1', comment: null, 'mount-status': 'nonremovable', 'backend-type': 'filesystem' },
    { store: 'store2', comment: 'offsite', maintenance: 'type=read-only' },
  ],
  datastoreConfigs: [{ name: 'store1', path: '/mnt/store1', 'gc-schedule': 'daily', tuning: 'chunk-order=none' }],
  datastoreStatus: {
    total: 1000,
    used: 400,
    avail: 600,
    counts: { vm: { groups: 3, snapshots: 30 }, ct: { groups: 1, snapshots: 5 } },
    'gc-status': { ...gcStatus, 'cache-stats': { hits: 10, misses: 2 } },
  },
  datastoreUsage: [
    {
      store: 'store1',
      total: 1000,
      used: 400,
      avail: 600,
      history: [0.39, null, 0.4],
      'history-start': 1_700_000_000,
      'history-delta': 1800,
      'estimated-full-date': 0,
      'gc-status': gcStatus,
    },
    { store: 'broken', error: 'datastore is in maintenance mode' },
  ],
  gcJob: { ...gcStatus, store: 'store1', schedule: 'daily', 'next-run': 1_700_050_000, duration: 12 },
  groups: [
    {
      'backup-type': 'vm' as const,
      'backup-id': '100',
      'last-backup': 1_700_000_000,
      'backup-count': 3,
      files: ['index.json.blob', 'drive-scsi0.img.fidx'],
      owner: 'root@pam',
    },
  ],
  snapshots: [
    {
      'backup-type': 'vm' as const,
      'backup-id': '100',
      'backup-time': 1_700_000_000,
      files: [{ filename: 'index.json.blob', size: 500, 'crypt-mode': 'sign-only' }, { filename: 'client.log.blob' }],
      size: 500,
      owner: 'root@pam!tok',
      verification: { state: 'failed', upid },
      protected: true,
      fingerprint: 'aa:bb:cc',
    },
  ],
  prune: [{ 'backup-type': 'vm', 'backup-id': '100', 'backup-time': 1_700_000_000, keep: true }],
  tasks: [
    {
      upid,
      node: 'localhost',
      pid: 1000,
      pstart: 107187,
      starttime: 1_717_674_992,
      worker_type: 'verificationjob',
      worker_id: 'store1:v-1a2b3c4d-5e6f',
      user: 'root@pam',
      endtime: 1_717_675_000,
      status: 'WARNINGS: 2',
    },
  ],
  taskStatus: {
    upid,
    node: 'pbs1',
    pid: 1000,
    pstart: 107187,
    starttime: 1_717_674_992,
    type: 'verificationjob',
    id: 'store1:v-1a2b3c4d-5e6f',
    user: 'root@pam',
    status: 'stopped',
    exitstatus: 'OK',
  },
  verifyJob,
  verifyStatus: [
    {
      ...verifyJob,
      'next-run': 1_700_050_000,
      'last-run-upid': upid,
      'last-run-state': 'OK',
      'last-run-endtime': 1_700_000_100,
    },
    { id: 'v-running', store: 'store2', 'last-run-upid': upid },
  ],
};
