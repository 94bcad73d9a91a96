// A backup writer opened by hand (tests): explicit chunks per archive, held open until finish().
import type { BackupType } from './types';

export interface HandChunk {
  id: string;
  rawSize: number;
  diskSize: number;
}

export interface BackupRequest {
  ns?: string;
  type: BackupType;
  id: string;
  /** index archives (`*.fidx` / `*.didx`) with the chunks they consist of; blobs with a size */
  archives?: { filename: string; chunks?: HandChunk[]; size?: number }[];
}

export interface BackupSession {
  readonly upid: string;
  readonly backupTime: number;
  /** closes the writer at the simulator's current time */
  finish(): void;
}
