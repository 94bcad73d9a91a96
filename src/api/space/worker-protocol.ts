// What the page and the space worker tell each other.
import type { GcFigures, Progress } from '@/lib/space/types';
import type { AccountResult, AccountSnapshot, FetchedFile } from './engine-run';

export type ToWorker =
  | { type: 'start'; snapshots: AccountSnapshot[]; gc?: GcFigures; expectedChunks?: number; select?: number[] }
  /** the index files of snapshot `index`, their buffers transferred */
  | { type: 'files'; index: number; files: FetchedFile[] }
  /** the snapshot vanished meanwhile (forgotten, pruned): it is skipped */
  | { type: 'gone'; index: number; message: string }
  /** a download failed otherwise: the account ends with this message */
  | { type: 'failed'; index: number; message: string };

export type FromWorker =
  | { type: 'need'; index: number }
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: AccountResult }
  | { type: 'error'; message: string };
