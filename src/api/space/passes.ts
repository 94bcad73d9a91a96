// A space account's first pass, run in a Web Worker (or here where none starts), and what stays of it: its report,
// and its engine, which answers selections (what forgetting some snapshots frees) by reading only their files again.
// Requests to one pass run one after the other.
import type { SelectionSpace } from '@/lib/space/selection';
import { SnapshotGoneError, type GcFigures, type Progress, type SpaceReport } from '@/lib/space/types';
import { firstPass, selectionOf, type AccountSnapshot, type FetchFiles } from './engine-run';
import type { FromWorker, ToWorker } from './worker-protocol';

export interface RequestOptions {
  signal: AbortSignal;
  onProgress: (progress: Progress) => void;
}

export interface Pass {
  report: SpaceReport;
  /** What the snapshots at `select` hold together and alone; `fetchFiles` serves their files for this request. */
  select(select: readonly number[], fetchFiles: FetchFiles, options: RequestOptions): Promise<SelectionSpace>;
  /** Frees the engine once the request running now (if any) has ended. */
  dispose(): void;
}

export interface PassInput {
  snapshots: AccountSnapshot[];
  gc?: GcFigures;
  expectedChunks?: number;
}

/** Runs `job` after every request queued before it, whatever became of them. */
function queue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** The first pass in this thread; its engine stays for selections. */
export async function passHere(input: PassInput, fetchFiles: FetchFiles, options: RequestOptions): Promise<Pass> {
  let serve = fetchFiles;
  const { engine, report } = await firstPass(input.snapshots, (i) => serve(i), {
    gc: input.gc,
    expectedChunks: input.expectedChunks,
    ...options,
  });
  const next = queue();
  return {
    report,
    select: (select, files, { signal, onProgress }) =>
      next(() => {
        serve = files;
        return selectionOf(engine, select, { signal, onProgress });
      }),
    dispose: () => undefined,
  };
}

interface Running {
  fetchFiles: FetchFiles;
  signal: AbortSignal;
  onProgress: (progress: Progress) => void;
  /** a download that failed here: the request ends with it (its kind and cause), not the worker's copy of its text */
  failure?: unknown;
  /** called with the worker's answer to the request */
  settle: (m: Extract<FromWorker, { type: 'done' | 'selected' | 'error' }>) => void;
}

/**
 * The first pass in a Web Worker, kept alive for selections when `keep`; where no worker starts (an old browser, a
 * policy), in this thread. Rejects with the signal's reason when cancelled: the worker ends then.
 */
export function passInWorker(
  input: PassInput,
  fetchFiles: FetchFiles,
  options: RequestOptions,
  keep: boolean,
): Promise<Pass> {
  return new Promise<Pass>((resolve, reject) => {
    let heard = false;
    let running: Running | null = null;
    let broken: Error | null = null;
    const worker = new Worker(new URL('./space-worker.ts', import.meta.url), { type: 'module' });
    const send = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);

    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      heard = true;
      const m = event.data;
      const r = running;
      if (!r) return;
      if (m.type === 'need') {
        // a cancelled request's files are refused: the worker ends that request and is free for the next
        if (r.signal.aborted) {
          send({ type: 'failed', index: m.index, message: 'cancelled' });
          return;
        }
        r.fetchFiles(m.index).then(
          (files) =>
            send(
              { type: 'files', index: m.index, files },
              files.map((f) => f.data),
            ),
          (err: unknown) => {
            const message = err instanceof Error ? err.message : String(err);
            const gone = err instanceof SnapshotGoneError;
            if (!gone && !r.signal.aborted) r.failure ??= err;
            send({ type: gone ? 'gone' : 'failed', index: m.index, message });
          },
        );
      } else if (m.type === 'progress') {
        if (!r.signal.aborted) r.onProgress(m.progress);
      } else {
        running = null;
        r.settle(m);
      }
    };

    const first: Running = {
      fetchFiles,
      ...options,
      settle: (m) => {
        options.signal.removeEventListener('abort', cancelFirst);
        if (m.type === 'done') {
          if (!keep) worker.terminate();
          resolve(workerPass(m.report));
        } else {
          worker.terminate();
          reject(first.failure ?? new Error(m.type === 'error' ? m.message : 'the space account stopped'));
        }
      },
    };
    const cancelFirst = () => {
      running = null;
      worker.terminate();
      reject(options.signal.reason);
    };
    options.signal.addEventListener('abort', cancelFirst, { once: true });
    running = first;

    // a worker that cannot start: the account runs here instead
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      broken = new Error(event.message || 'the space account stopped');
      const r = running;
      running = null;
      if (r === first) {
        options.signal.removeEventListener('abort', cancelFirst);
        if (heard) reject(broken);
        else passHere(input, fetchFiles, options).then(resolve, reject);
      } else r?.settle({ type: 'error', message: broken.message });
    };

    send({
      type: 'start',
      snapshots: input.snapshots,
      gc: input.gc,
      ...(input.expectedChunks ? { expectedChunks: input.expectedChunks } : {}),
      keep,
    });

    function workerPass(report: SpaceReport): Pass {
      const next = queue();
      // a worker that keeps no engine has ended with its report
      let disposed = !keep;
      // the caller's promise ends at once when its signal aborts; the queue moves on only when the worker has answered
      const select = (selected: readonly number[], files: FetchFiles, { signal, onProgress }: RequestOptions) =>
        new Promise<SelectionSpace>((done, fail) => {
          if (signal.aborted) {
            fail(signal.reason);
            return;
          }
          let gaveUp = false;
          const cancel = () => {
            gaveUp = true;
            fail(signal.reason);
          };
          signal.addEventListener('abort', cancel, { once: true });
          void next(
            () =>
              new Promise<void>((answered) => {
                if (broken || disposed || signal.aborted) {
                  signal.removeEventListener('abort', cancel);
                  if (!gaveUp) fail(broken ?? new Error('the space account was let go'));
                  answered();
                  return;
                }
                const request: Running = {
                  fetchFiles: files,
                  signal,
                  onProgress,
                  settle: (m) => {
                    signal.removeEventListener('abort', cancel);
                    if (!gaveUp) {
                      if (m.type === 'selected') done(m.selection);
                      else fail(request.failure ?? new Error(m.type === 'error' ? m.message : 'no selection'));
                    }
                    answered();
                  },
                };
                running = request;
                send({ type: 'select', select: [...selected] });
              }),
          );
        });
      return {
        report,
        select,
        dispose: () => {
          disposed = true;
          void next(async () => worker.terminate());
        },
      };
    }
  });
}
