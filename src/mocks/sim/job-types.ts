// Job configs and schedule status as PBS's API returns them (pbs-api-types jobs.rs), kebab-case.
import type { KeepOptions } from '@/lib/prune';

export interface JobScheduleStatus {
  'next-run'?: number;
  'last-run-state'?: string;
  'last-run-upid'?: string;
  'last-run-endtime'?: number;
}

export interface PruneJobConfig extends KeepOptions {
  id: string;
  store: string;
  /** written only when true */
  disable?: boolean;
  schedule: string;
  comment?: string;
  ns?: string;
  'max-depth'?: number;
}

export interface SyncJobConfig {
  id: string;
  store: string;
  ns?: string;
  owner?: string;
  remote?: string;
  'remote-store': string;
  'remote-ns'?: string;
  'remove-vanished'?: boolean;
  'max-depth'?: number;
  comment?: string;
  schedule?: string;
  'group-filter'?: string[];
  'transfer-last'?: number;
}

export type PruneJobStatus = PruneJobConfig & JobScheduleStatus;
export type SyncJobStatus = SyncJobConfig & JobScheduleStatus;

/** POST …/prune-datastore and the prune job's options. */
export interface PruneDatastoreOptions extends KeepOptions {
  ns?: string;
  'max-depth'?: number;
}
