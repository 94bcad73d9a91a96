// The space account in a Web Worker: the page lists the snapshots and downloads the index files (its session, its
// retry and fault handling, the demo's service worker), the worker parses them and keeps the chunk table, so the
// page stays responsive. Kept after the first pass, the table answers selections (what forgetting some snapshots
// frees) by reading only their files again. Messages: see worker-protocol.ts.
import type { SpaceEngine } from '@/lib/space/engine';
import { SnapshotGoneError, type Progress } from '@/lib/space/types';
import { firstPass, selectionOf, type FetchedFile } from './engine-run';
import type { FromWorker, ToWorker } from './worker-protocol';

// a dedicated worker's global scope: postMessage takes no target origin here
const scope = self as unknown as { postMessage(message: FromWorker): void };
const post = (message: FromWorker) => scope.postMessage(message);
const waiting = new Map<number, { resolve: (files: FetchedFile[]) => void; reject: (e: Error) => void }>();
let kept: SpaceEngine | null = null;

const fetchFiles = (index: number) =>
  new Promise<FetchedFile[]>((resolve, reject) => {
    waiting.set(index, { resolve, reject });
    post({ type: 'need', index });
  });

/** Progress at most ten times a second, and always the last. */
function throttled() {
  let last = 0;
  return (progress: Progress) => {
    const now = Date.now();
    if (now - last < 100 && progress.done < progress.total) return;
    last = now;
    post({ type: 'progress', progress });
  };
}

const failed = (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) });

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'start') {
    kept = null;
    firstPass(m.snapshots, fetchFiles, { gc: m.gc, expectedChunks: m.expectedChunks, onProgress: throttled() }).then(
      ({ engine, report }) => {
        if (m.keep) kept = engine;
        post({ type: 'done', report });
      },
      failed,
    );
    return;
  }
  if (m.type === 'select') {
    if (!kept) {
      failed(new Error('no first pass is kept here'));
      return;
    }
    selectionOf(kept, m.select, { onProgress: throttled() }).then(
      (selection) => post({ type: 'selected', selection }),
      failed,
    );
    return;
  }
  const w = waiting.get(m.index);
  if (!w) return;
  waiting.delete(m.index);
  if (m.type === 'files') w.resolve(m.files);
  else if (m.type === 'gone') w.reject(new SnapshotGoneError(m.message));
  else w.reject(new Error(m.message));
};
