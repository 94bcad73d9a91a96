// One space account: the engine over a datastore's snapshots, fed file by file through `fetchFiles`. The same code
// runs in the Web Worker (space-worker.ts, fetchFiles asks the page) and in the page where no worker can start.
import type { ListedBackupType } from '@/api/schemas/common';
import { SpaceEngine } from '@/lib/space/engine';
import { spaceReport } from '@/lib/space/report';
import { selectionSpace, type SelectionSpace } from '@/lib/space/selection';
import type { GcFigures, Progress, SnapshotInput, SnapshotRef, SpaceReport } from '@/lib/space/types';

/** A snapshot to read and the names of its index files. */
export interface AccountSnapshot extends SnapshotRef {
  /** as the listing gave it, to name the snapshot in a download */
  type: ListedBackupType;
  files: string[];
  /** each file's size as the listing gave it (null: not given), to tell a kept copy still fits */
  sizes?: (number | null)[];
}

export interface FetchedFile {
  name: string;
  data: ArrayBuffer;
}

/** The files of snapshot `index` (of the list given), or SnapshotGoneError when it vanished. */
export type FetchFiles = (index: number) => Promise<FetchedFile[]>;

export interface EngineRunOptions {
  gc?: GcFigures;
  expectedChunks?: number;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** A finished first pass: its figures, and the engine that answers selections afterwards. */
export interface FirstPass {
  engine: SpaceEngine;
  report: SpaceReport;
}

/** Reads every snapshot once (the first pass). */
export async function firstPass(
  snapshots: readonly AccountSnapshot[],
  fetchFiles: FetchFiles,
  { gc, expectedChunks, onProgress, signal }: EngineRunOptions = {},
): Promise<FirstPass> {
  const inputs: (SnapshotInput & { index: number })[] = snapshots.map((s, index) => ({
    ns: s.ns,
    type: s.type,
    id: s.id,
    time: s.time,
    owner: s.owner,
    index,
    async *files() {
      for (const f of await fetchFiles(index)) yield { name: f.name, data: f.data };
    },
  }));
  const engine = new SpaceEngine(inputs, { expectedChunks });
  await engine.run({ onProgress, signal });
  return { engine, report: spaceReport(engine, gc) };
}

/**
 * What the snapshots at positions `select` (of the first pass's list) hold together and alone: their index files are
 * read again (the browser's cache has them by now).
 */
export function selectionOf(
  engine: SpaceEngine,
  select: readonly number[],
  { onProgress, signal }: Pick<EngineRunOptions, 'onProgress' | 'signal'> = {},
): Promise<SelectionSpace> {
  const chosen = new Set(select);
  return selectionSpace(engine, (s) => chosen.has((s as SnapshotInput & { index: number }).index), {
    onProgress,
    signal,
  });
}

export interface AccountResult {
  report: SpaceReport;
  /** the selected snapshots' space, when a selection was asked */
  selection?: SelectionSpace;
}
