// The page's side of a space account: list the datastore's finished snapshots through the query layer, download
// their index files one by one (waiting while the tab is hidden), and let the engine read them in a Web Worker,
// or here when no worker starts.
import type { QueryClient } from '@tanstack/react-query';
import { isPbsError } from '@/api/client';
import { defaultServer } from '@/api/queries/default-server';
import { namespaceQueries } from '@/api/queries/namespaces';
import { downloadIndexFile } from '@/api/queries/index-files';
import { snapshotQueries } from '@/api/queries/snapshots';
import type { GcStatus } from '@/api/schemas/gc';
import { readableItems } from '@/lib/item-error';
import { SnapshotGoneError, type GcFigures, type Progress, type SpaceReport } from '@/lib/space/types';
import { runAccount, type AccountSnapshot, type FetchedFile } from './engine-run';
import type { FromWorker, ToWorker } from './worker-protocol';

const isIndexFile = (name: string) => name.endsWith('.fidx') || name.endsWith('.didx');

export interface Listed {
  snapshots: AccountSnapshot[];
  /** backups still being written: no index to read yet */
  unfinished: number;
  gc?: GcFigures;
  /** GC's chunk count, to size the engine's table */
  expectedChunks?: number;
}

/** What the last GC reported, as the account uses it: its figures, and its chunk count to size the table. */
export function gcOfStatus(gcStatus: GcStatus | undefined): Pick<Listed, 'gc' | 'expectedChunks'> {
  const indexDataBytes = gcStatus?.['index-data-bytes'];
  const diskBytes = gcStatus?.['disk-bytes'];
  const chunks = gcStatus?.['disk-chunks'];
  return {
    ...(indexDataBytes && diskBytes ? { gc: { indexDataBytes, diskBytes } } : {}),
    ...(chunks ? { expectedChunks: chunks } : {}),
  };
}

/** Every finished snapshot of every namespace the user sees, with its index files. */
export async function listForAccount(client: QueryClient, store: string): Promise<Listed> {
  const namespaces = readableItems(await client.fetchQuery(namespaceQueries.list(defaultServer, store)));
  const snapshots: AccountSnapshot[] = [];
  let unfinished = 0;
  for (const { ns } of namespaces) {
    const list = readableItems(await client.fetchQuery(snapshotQueries.list(defaultServer, { store, ns })));
    for (const s of list) {
      if (s.size === undefined) {
        unfinished++;
        continue;
      }
      snapshots.push({
        ns,
        type: s['backup-type'],
        id: s['backup-id'],
        time: s['backup-time'],
        owner: s.owner ?? '',
        files: (s.files ?? []).map((f) => f.filename).filter(isIndexFile),
      });
    }
  }
  return { snapshots, unfinished };
}

/** A vanished snapshot: PBS answers its download with "File open failed: No such file or directory". */
function isGone(err: unknown): boolean {
  return isPbsError(err, 404) || (isPbsError(err, 400) && /No such file or directory/.test(err.message));
}

/** Resolves when the tab is visible: a hidden tab asks for nothing but its ticket renewal. */
function whenVisible(signal: AbortSignal): Promise<void> {
  if (document.visibilityState !== 'hidden') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      if (document.visibilityState === 'hidden') return;
      document.removeEventListener('visibilitychange', done);
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const stop = () => {
      document.removeEventListener('visibilitychange', done);
      reject(signal.reason);
    };
    document.addEventListener('visibilitychange', done);
    signal.addEventListener('abort', stop, { once: true });
  });
}

/** Downloads one snapshot's index files; SnapshotGoneError when it vanished meanwhile. */
function fetcher(store: string, snapshots: readonly AccountSnapshot[], signal: AbortSignal) {
  return async (index: number): Promise<FetchedFile[]> => {
    const s = snapshots[index];
    if (!s) throw new Error(`no snapshot ${index}`);
    const files: FetchedFile[] = [];
    for (const name of s.files) {
      await whenVisible(signal);
      try {
        const ref = { store, ns: s.ns, type: s.type as 'vm', id: s.id, time: s.time };
        files.push({ name, data: await downloadIndexFile(ref, name, signal) });
      } catch (err) {
        if (isGone(err)) throw new SnapshotGoneError(`${s.type}/${s.id}/${s.time}: ${(err as Error).message}`);
        throw err;
      }
    }
    return files;
  };
}

export interface RunOptions {
  onProgress: (progress: Progress) => void;
  signal: AbortSignal;
  /** tests: run in this thread */
  inThread?: boolean;
}

/** Reads the listed snapshots; rejects with the signal's reason when cancelled. */
export function readAccount(store: string, listed: Listed, { onProgress, signal, inThread }: RunOptions) {
  const fetchFiles = fetcher(store, listed.snapshots, signal);
  const here = () =>
    runAccount(listed.snapshots, fetchFiles, {
      gc: listed.gc,
      expectedChunks: listed.expectedChunks,
      onProgress,
      signal,
    });
  if (inThread || typeof Worker === 'undefined') return here();
  return new Promise<SpaceReport>((resolve, reject) => {
    let heard = false;
    const worker = new Worker(new URL('./space-worker.ts', import.meta.url), { type: 'module' });
    const end = () => {
      worker.terminate();
      signal.removeEventListener('abort', abort);
    };
    const abort = () => {
      end();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    const send = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      heard = true;
      const m = event.data;
      if (m.type === 'need') {
        fetchFiles(m.index).then(
          (files) =>
            send(
              { type: 'files', index: m.index, files },
              files.map((f) => f.data),
            ),
          (err: unknown) => {
            if (signal.aborted) return;
            const message = err instanceof Error ? err.message : String(err);
            send({ type: err instanceof SnapshotGoneError ? 'gone' : 'failed', index: m.index, message });
          },
        );
      } else if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'done') {
        end();
        resolve(m.report);
      } else {
        end();
        reject(new Error(m.message));
      }
    };
    // a worker that cannot start (an old browser, a policy): the account runs here instead
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      if (heard) reject(new Error(event.message || 'the space account stopped'));
      else here().then(resolve, reject);
    };
    send({
      type: 'start',
      snapshots: listed.snapshots,
      gc: listed.gc,
      ...(listed.expectedChunks ? { expectedChunks: listed.expectedChunks } : {}),
    });
  });
}
