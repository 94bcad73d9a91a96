// What the page and the space worker tell each other. The worker serves one request at a time: the first pass
// ('start', answered by 'done'), then, when asked to keep its engine, any number of selections ('select', answered
// by 'selected'); either may end in 'error'. While one runs it asks for files ('need') and reports 'progress'.
import type { SelectionSpace } from '@/lib/space/selection';
import type { GcFigures, Progress, SpaceReport } from '@/lib/space/types';
import type { AccountSnapshot, FetchedFile } from './engine-run';

export type ToWorker =
  | {
      type: 'start';
      snapshots: AccountSnapshot[];
      gc?: GcFigures;
      expectedChunks?: number;
      /** keep the engine for selections afterwards */
      keep: boolean;
    }
  /** what the snapshots at these positions hold together and alone, from the kept engine */
  | { type: 'select'; select: number[] }
  /** the index files of snapshot `index`, their buffers transferred */
  | { type: 'files'; index: number; files: FetchedFile[] }
  /** the snapshot vanished meanwhile (forgotten, pruned): it is skipped */
  | { type: 'gone'; index: number; message: string }
  /** a download failed otherwise (or its request was cancelled): the request ends with this message */
  | { type: 'failed'; index: number; message: string };

export type FromWorker =
  | { type: 'need'; index: number }
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; report: SpaceReport }
  | { type: 'selected'; selection: SelectionSpace }
  | { type: 'error'; message: string };
