import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { restoreQueries, type ArchiveRef } from './api';
import { isDir, toFileEntry } from './entry';

export interface DeepSearchState {
  running: boolean;
  /** directories listed by the loader */
  read: number;
  /** directories known but not listed yet */
  queued: number;
  failed: number;
  /** the whole archive has been listed */
  complete: boolean;
}

const IDLE: DeepSearchState = { running: false, read: 0, queued: 0, failed: 0, complete: false };

/**
 * Lists every directory of the archive in the background, a few at a time, so a search by name
 * reaches below what the user opened. Listings land in the query cache (the tree and table reuse
 * them); stopping lets the requests in flight finish and starts no more.
 */
export function useDeepSearch(archive: ArchiveRef, root: string, concurrency = 4) {
  const client = useQueryClient();
  const [state, setState] = useState<DeepSearchState>(IDLE);
  const stopRef = useRef<{ stopped: boolean } | null>(null);

  const start = useCallback(() => {
    if (stopRef.current && !stopRef.current.stopped) return;
    const token = { stopped: false };
    stopRef.current = token;
    const queue = [root];
    const seen = new Set(queue);
    let read = 0;
    let failed = 0;
    const report = (running: boolean) =>
      setState({ running, read, failed, queued: queue.length, complete: !running && queue.length === 0 });
    report(true);
    const worker = async () => {
      for (let dir = queue.shift(); dir !== undefined && !token.stopped; dir = queue.shift()) {
        try {
          const list = await client.fetchQuery(restoreQueries.catalog(archive, dir));
          for (const e of list.map(toFileEntry)) {
            if (isDir(e) && !seen.has(e.path)) {
              seen.add(e.path);
              queue.push(e.path);
            }
          }
          read++;
        } catch {
          failed++;
        }
        if (!token.stopped) report(true);
      }
    };
    const run = async () => {
      while (queue.length > 0 && !token.stopped) {
        await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
      }
      token.stopped = true;
      report(false);
    };
    void run();
  }, [archive, client, concurrency, root]);

  const stop = useCallback(() => {
    if (stopRef.current) stopRef.current.stopped = true;
  }, []);

  // leaving the page stops the walk
  useEffect(() => stop, [stop]);

  return { state, start, stop };
}
