// The space account in a Web Worker: the page lists the snapshots and downloads the index files (its session, its
// retry and fault handling, the demo's service worker), the worker parses them and keeps the chunk table, so the
// page stays responsive. Messages: see worker-protocol.ts.
import { SnapshotGoneError } from '@/lib/space/types';
import { runAccount, type FetchedFile } from './engine-run';
import type { FromWorker, ToWorker } from './worker-protocol';

// a dedicated worker's global scope: postMessage takes no target origin here
const scope = self as unknown as { postMessage(message: FromWorker): void };
const post = (message: FromWorker) => scope.postMessage(message);
const waiting = new Map<number, { resolve: (files: FetchedFile[]) => void; reject: (e: Error) => void }>();

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'start') {
    let last = 0;
    runAccount(
      m.snapshots,
      (index) =>
        new Promise<FetchedFile[]>((resolve, reject) => {
          waiting.set(index, { resolve, reject });
          post({ type: 'need', index });
        }),
      {
        gc: m.gc,
        expectedChunks: m.expectedChunks,
        ...(m.select ? { select: m.select } : {}),
        onProgress: (progress) => {
          // at most ten a second, and always the last one
          const now = Date.now();
          if (now - last < 100 && progress.done < progress.total) return;
          last = now;
          post({ type: 'progress', progress });
        },
      },
    ).then(
      (result) => post({ type: 'done', result }),
      (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
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
