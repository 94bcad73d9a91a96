// Entry of the PBS simulator: a pure model of Proxmox Backup Server (no HTTP). Every method returns what PBS
// puts in `data` and throws SimError with PBS's plain-text error body.
import type {
  BackupType,
  DatastoreConfig,
  DatastoreListItem,
  DatastoreStatus,
  DatastoreUsageItem,
  Faults,
  FileItem,
  GcJobStatus,
  GroupItem,
  NamespaceItem,
  NodeStatus,
  NodeTime,
  RrdCf,
  RrdRow,
  RrdTimeframe,
  SnapshotItem,
  TaskListQuery,
  TaskListRow,
  TaskLogPage,
  TaskStatus,
  VerifyJobConfig,
  VerifyJobStatus,
  VerifyParams,
  VersionInfo,
} from './types';
import type { HandStore } from './hand-store';
import type { BackupSession, BackupRequest } from './backup-session';
import { SimModel } from './model';
import type { Manifest } from './manifest';
import type { SpaceTruth } from './space-truth';
import type { PruneItem, PruneRequest } from './content-api';
import type { DeleteStats } from './content-write';
import type { SimJobs } from './jobs';
import type { FileNode } from './file-tree';
import type { HostilePlacement } from './hostile-plant';

export type * from './types';
export type * from './job-types';
export type { SimJobs } from './jobs';
export type { HandStore, HandSnapshot } from './hand-store';
export type { Manifest } from './manifest';
export type { SpaceTruth, SetTruth, SnapshotTruth, TruthReport, TruthSnapshot, TruthSpace } from './space-truth';
export { truthReport } from './space-truth';
export type { PruneItem, PruneRequest } from './content-api';
export type { DeleteStats } from './content-write';
export type { KeepOptions } from './prune';
export type { BackupSession, BackupRequest } from './backup-session';
export type { HostilePlacement } from './hostile-plant';
export { SimError } from './errors';

export interface SimOptions {
  seed?: number;
  profile?: 'demo' | 'large';
  /** epoch seconds; default: the real current time */
  startTime?: number;
  /** simulated seconds per real second; default 1 */
  speed?: number;
  /** real clock in ms; default Date.now */
  realNow?: () => number;
  /** demo profile: days of nightly backups generated before startTime (default 60); fewer build faster */
  historyDays?: number;
}

export interface Simulator {
  readonly hostname: string;
  readonly faults: Faults;
  readonly settings: { ticketLifetime: number };
  readonly seed: number;
  readonly profile: 'demo' | 'large';
  /** verify, prune and sync jobs: configs, schedules, runs (jobs.ts) */
  readonly jobs: SimJobs;

  // clock
  now(): number;
  setTime(epoch: number): void;
  advance(seconds: number): void;
  sync(): void;

  // node
  nodeStatus(): NodeStatus;
  nodeTime(): NodeTime;
  version(): VersionInfo;
  subscription(full: boolean): Record<string, string | number>;
  nodeRrd(timeframe: RrdTimeframe, cf: RrdCf): RrdRow[];

  // datastores
  listDatastores(): DatastoreListItem[];
  datastoreConfigs(): DatastoreConfig[];
  configDigest(): string;
  datastoreConfig(name: string): DatastoreConfig;
  updateDatastoreConfig(name: string, params: Record<string, string>, del: string[], digest?: string): void;
  datastoreStatus(store: string, verbose: boolean): DatastoreStatus;
  datastoreUsage(): DatastoreUsageItem[];
  datastoreRrd(store: string, timeframe: RrdTimeframe, cf: RrdCf): RrdRow[];
  activeOperations(store: string): { read: number; write: number };

  // content
  listNamespaces(store: string, parent?: string, maxDepth?: number): NamespaceItem[];
  listGroups(store: string, ns?: string): GroupItem[];
  listSnapshots(store: string, ns?: string, type?: BackupType, id?: string): SnapshotItem[];
  listFiles(store: string, ns: string | undefined, type: BackupType, id: string, time: number): FileItem[];
  owner(store: string, ns: string | undefined, type: BackupType, id: string): string;
  /** the file tree inside one of the snapshot's file archives (root.pxar.didx, the split pair's halves, …) */
  fileArchive(
    store: string,
    ns: string | undefined,
    type: BackupType,
    id: string,
    time: number,
    archive: string,
  ): FileNode;
  /** the snapshot's index.json.blob content (upload stats, verify state, notes) */
  snapshotManifest(store: string, ns: string | undefined, type: BackupType, id: string, time: number): Manifest;
  /**
   * A finished snapshot's `.fidx`/`.didx` as PBS stores it, digests from the chunk model; throws PBS's
   * "File open failed" (400) for a file or snapshot that is not there.
   */
  indexFile(
    store: string,
    ns: string | undefined,
    type: BackupType,
    id: string,
    time: number,
    file: string,
  ): Uint8Array;
  /** For tests: space figures of any set of snapshots, from the chunk model (never from the index files). */
  spaceTruth(store: string): SpaceTruth;

  pruneGroup(store: string, req: PruneRequest, authid: string): { list: PruneItem[]; upid: string | null };
  forgetSnapshot(store: string, ns: string | undefined, type: BackupType, id: string, time: number): void;
  /**
   * A backup reader session on a finished snapshot for `seconds` (proxmox-backup-client restoring it): PBS's
   * `reader` task, its shared lock keeping prune and forget away meanwhile. Returns the task's UPID.
   */
  openReader(
    store: string,
    ns: string | undefined,
    type: BackupType,
    id: string,
    time: number,
    authid: string,
    seconds: number,
  ): string;
  setProtected(store: string, ns: string | undefined, type: BackupType, id: string, time: number, value: boolean): void;
  snapshotNotes(store: string, ns: string | undefined, type: BackupType, id: string, time: number): string;
  setSnapshotNotes(
    store: string,
    ns: string | undefined,
    type: BackupType,
    id: string,
    time: number,
    notes: string,
  ): void;
  groupNotes(store: string, ns: string | undefined, type: BackupType, id: string): string;
  setGroupNotes(store: string, ns: string | undefined, type: BackupType, id: string, notes: string): void;
  /** DELETE …/groups; throws PBS's "partially deleted" error after removing the unprotected ones */
  forgetGroup(
    store: string,
    ns: string | undefined,
    type: BackupType,
    id: string,
    errorOnProtected?: boolean,
  ): DeleteStats;
  createNamespace(store: string, parent: string | undefined, name: string): string;
  deleteNamespace(store: string, ns: string, deleteGroups: boolean, errorOnProtected?: boolean): DeleteStats;
  changeOwner(store: string, ns: string | undefined, type: BackupType, id: string, owner: string): void;

  // gc / verify
  startGc(store: string, authid: string): string;
  gcJobStatus(store: string): GcJobStatus;
  listGcJobs(): GcJobStatus[];
  startVerify(store: string, params: VerifyParams, authid: string): string;
  listVerifyJobs(): VerifyJobConfig[];
  /** POST /admin/verify/{id}/run: a `verificationjob` task now (400 "no such verification job" otherwise) */
  runVerifyJob(id: string, authid: string): string;
  verifyJobStatus(store?: string): VerifyJobStatus[];
  verifyConfigDigest(): string;

  // tasks
  listTasks(query: TaskListQuery): { data: TaskListRow[]; total: number };
  taskStatus(upid: string): TaskStatus;
  taskLog(upid: string, start?: number, limit?: number): TaskLogPage;
  abortTask(upid: string, authid: string): void;

  // faults
  /** the next draw in [0, 1) of the seeded stream that decides which requests errorRate and dropRate hit */
  faultRoll(): number;
  /** starts that stream over from `seed` (the simulator's own seed at creation) */
  restartFaultStream(seed: number): void;
  corruptChunks(store: string, count: number): number;
  setFullDisk(store: string, full: boolean): void;
  failDatastore(store: string, message: string | null): void;
  /** writes the hostile corpus's PBS fields where PBS keeps them (hostile-plant.ts); the demo profile only */
  plantHostileCorpus(): HostilePlacement[];

  // low-level seeding, for tests that need every number known
  createEmptyDatastore(name: string): HandStore;
  /** opens a backup writer at now(), like a client connecting; it holds back GC until finished */
  beginBackup(store: string, req: BackupRequest, authid: string): BackupSession;
}

export function createSimulator(opts: SimOptions = {}): Simulator {
  return new SimModel(opts);
}
