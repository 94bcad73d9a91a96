// JSON shapes the simulator answers with: exactly PBS's `data` payloads (kebab-case where PBS uses it).

export type BackupType = 'vm' | 'ct' | 'host';
export type CryptMode = 'none' | 'encrypt' | 'sign-only';
export type RrdTimeframe = 'hour' | 'day' | 'week' | 'month' | 'year' | 'decade';
export type RrdCf = 'AVERAGE' | 'MAX';

export interface GcStatus {
  upid: string | null;
  'index-file-count': number;
  'index-data-bytes': number;
  'disk-bytes': number;
  'disk-chunks': number;
  'removed-bytes': number;
  'removed-chunks': number;
  'pending-bytes': number;
  'pending-chunks': number;
  'removed-bad': number;
  'still-bad': number;
  'cache-stats'?: { hits: number; misses: number };
}

export interface GcJobStatus extends GcStatus {
  store: string;
  schedule?: string;
  'next-run'?: number;
  'last-run-state'?: string;
  'last-run-endtime'?: number;
  duration?: number;
}

export interface DatastoreListItem {
  store: string;
  comment: string | null;
  maintenance?: string;
  'mount-status': 'mounted' | 'notmounted' | 'nonremovable';
  'backend-type': 'filesystem' | 's3';
}

export type DatastoreConfig = Record<string, string | number | boolean> & { name: string; path: string };

export interface GroupCounts {
  groups: number;
  snapshots: number;
}

export interface DatastoreStatus {
  total: number;
  used: number;
  avail: number;
  'backend-type'?: 'filesystem' | 's3';
  counts?: Partial<Record<BackupType, GroupCounts>>;
  'gc-status'?: GcStatus;
}

export interface DatastoreUsageItem {
  store: string;
  total?: number;
  used?: number;
  avail?: number;
  history?: (number | null)[];
  'history-start'?: number;
  'history-delta'?: number;
  'estimated-full-date'?: number;
  error?: string;
  'gc-status'?: GcStatus;
  'mount-status'?: 'mounted' | 'notmounted' | 'nonremovable';
  'backend-type'?: 'filesystem' | 's3';
}

export interface NamespaceItem {
  ns: string;
  comment?: string;
}

export interface GroupItem {
  'backup-type': BackupType;
  'backup-id': string;
  'last-backup': number;
  'backup-count': number;
  files: string[];
  owner: string;
  comment?: string;
}

export interface FileItem {
  filename: string;
  size?: number;
  'crypt-mode'?: CryptMode;
}

export interface SnapshotItem {
  'backup-type': BackupType;
  'backup-id': string;
  'backup-time': number;
  files: FileItem[];
  size?: number;
  owner: string;
  comment?: string;
  verification?: { state: 'ok' | 'failed'; upid: string };
  protected: boolean;
  fingerprint?: string;
}

export interface TaskListRow {
  upid: string;
  node: string;
  pid: number;
  pstart: number;
  starttime: number;
  worker_type: string;
  worker_id: string | null;
  user: string;
  endtime?: number;
  status?: string;
}

export interface TaskStatus {
  upid: string;
  node: string;
  pid: number;
  pstart: number;
  starttime: number;
  type: string;
  id: string | null;
  user: string;
  tokenid?: string;
  status: 'running' | 'stopped';
  exitstatus?: string;
}

export interface TaskListQuery {
  start?: number;
  limit?: number;
  running?: boolean;
  errors?: boolean;
  userfilter?: string;
  since?: number;
  until?: number;
  typefilter?: string;
  statusfilter?: ('ok' | 'warning' | 'error' | 'unknown')[];
  store?: string;
}

export interface TaskLogPage {
  data: { n: number; t: string }[];
  total: number;
  active: boolean;
}

export interface VerifyParams {
  ns?: string;
  type?: BackupType;
  id?: string;
  time?: number;
  ignoreVerified?: boolean;
  outdatedAfter?: number;
  maxDepth?: number;
}

export interface VerifyJobConfig {
  id: string;
  store: string;
  ns?: string;
  'max-depth'?: number;
  'ignore-verified'?: boolean;
  'outdated-after'?: number;
  schedule?: string;
  comment?: string;
}

export interface VerifyJobStatus extends VerifyJobConfig {
  'next-run'?: number;
  'last-run-upid'?: string;
  'last-run-state'?: string;
  'last-run-endtime'?: number;
}

export type RrdRow = { time: number } & Record<string, number>;

export interface NodeStatus {
  memory: { total: number; used: number; free: number };
  swap: { total: number; used: number; free: number };
  root: { total: number; used: number; avail: number };
  uptime: number;
  loadavg: [number, number, number];
  cpu: number;
  wait: number;
  cpuinfo: { model: string; sockets: number; cpus: number };
  'current-kernel': { sysname: string; release: string; version: string; machine: string };
  kversion: string;
  'boot-info': { mode: 'efi' | 'legacy-bios'; secureboot: boolean };
  info: { fingerprint: string };
}

export interface NodeTime {
  timezone: string;
  time: number;
  localtime: number;
}

export interface VersionInfo {
  version: string;
  release: string;
  repoid: string;
}

export interface Faults {
  latencyMs: number;
  errorRate: number;
  dropRate: number;
}
