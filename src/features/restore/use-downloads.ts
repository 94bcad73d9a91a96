import { useCallback, useRef, useState } from 'react';
import { canStreamToDisk, countBytes, IN_MEMORY_WARNING_BYTES, pickSaveFile, saveStream } from './save-target';

export interface DownloadSpec {
  name: string;
  /** bytes expected, when known beforehand (PBS sends no Content-Length) */
  total?: number;
  /** opens the byte stream; may report a total it learns on the way (a walked folder) */
  open: (signal: AbortSignal, setTotal: (n: number) => void) => Promise<ReadableStream<Uint8Array>>;
}

export type DownloadState = 'running' | 'done' | 'failed' | 'cancelled';

export interface DownloadJob {
  id: number;
  name: string;
  bytes: number;
  total?: number;
  state: DownloadState;
  error?: string;
}

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/** Running and finished downloads of this page, a confirmation for large in-memory ones, and cancel. */
export function useDownloads() {
  const [jobs, setJobs] = useState<DownloadJob[]>([]);
  const [pending, setPending] = useState<DownloadSpec | null>(null);
  const controllers = useRef(new Map<number, AbortController>());
  const nextId = useRef(1);

  const update = useCallback((id: number, patch: Partial<DownloadJob>) => {
    setJobs((all) => all.map((j) => (j.id === id ? { ...j, ...patch } : j)));
  }, []);

  const run = useCallback(
    async (spec: DownloadSpec) => {
      const id = nextId.current++;
      const controller = new AbortController();
      // The picker needs the click's user activation: ask before anything else is awaited.
      const file = canStreamToDisk() ? await pickSaveFile(spec.name) : null;
      if (canStreamToDisk() && !file) return;
      controllers.current.set(id, controller);
      setJobs((all) => [{ id, name: spec.name, bytes: 0, total: spec.total, state: 'running' }, ...all]);
      let shown = 0;
      const onBytes = (n: number) => {
        // a re-render per 1 MiB is plenty for a progress bar
        if (n - shown >= 1024 * 1024) {
          shown = n;
          update(id, { bytes: n });
        }
      };
      try {
        const stream = await spec.open(controller.signal, (total) => update(id, { total }));
        let bytes = 0;
        await saveStream(
          countBytes(stream, (n) => onBytes((bytes = n)), controller.signal),
          spec.name,
          file,
          controller.signal,
        );
        update(id, { bytes, state: 'done' });
      } catch (e) {
        if (controller.signal.aborted || isAbort(e)) {
          await file?.abort().catch(() => undefined);
          update(id, { state: 'cancelled' });
        } else update(id, { state: 'failed', error: e instanceof Error ? e.message : String(e) });
      } finally {
        controllers.current.delete(id);
      }
    },
    [update],
  );

  /** Starts at once, or first asks when the whole file would be held in memory and is large. */
  const start = useCallback(
    (spec: DownloadSpec) => {
      if (!canStreamToDisk() && (spec.total ?? 0) > IN_MEMORY_WARNING_BYTES) setPending(spec);
      else void run(spec);
    },
    [run],
  );

  const confirmPending = useCallback(() => {
    if (pending) void run(pending);
    setPending(null);
  }, [pending, run]);

  const cancel = useCallback((id: number) => controllers.current.get(id)?.abort(), []);
  const dismiss = useCallback((id: number) => setJobs((all) => all.filter((j) => j.id !== id)), []);

  return { jobs, start, cancel, dismiss, pending, confirmPending, dropPending: () => setPending(null) };
}

export type Downloads = ReturnType<typeof useDownloads>;
