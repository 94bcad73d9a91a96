import { useQuery, useQueryClient } from '@tanstack/react-query';
import { serverNow } from '@/api/server-clock';
import { rememberAccount } from '@/api/space/last-accounts';
import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress, SpaceReport } from '@/lib/space/types';
import { fileCounts, gcOfStatus, listForAccount, readAccount, type FileCounts, type Listed } from '@/api/space/account';

export type AccountPhase = 'listing' | 'reading' | 'done' | 'cancelled' | 'failed';

export interface AccountState {
  phase: AccountPhase;
  listed?: Listed;
  progress?: Progress;
  report?: SpaceReport;
  error?: unknown;
  /** index files read so far from this browser's cache, and downloaded */
  files?: FileCounts;
}

/**
 * A space account of `store`, started when the view opens and whenever `restart` is called, cancelled by `cancel`
 * and when the view closes. `inThread` (tests) keeps the engine in this thread.
 */
export function useSpaceAccount(store: string, { inThread = false }: { inThread?: boolean } = {}) {
  const client = useQueryClient();
  const [run, setRun] = useState(0);
  const [state, setState] = useState<AccountState>({ phase: 'listing' });
  const controller = useRef<AbortController | null>(null);
  // the last GC's figures turn logical bytes into estimated disk bytes; the account starts once they are known
  // (or known to be missing)
  const status = useQuery(datastoreQueries.status(defaultServer, store));
  const settled = !status.isPending;
  const gcStatus = useRef(status.data?.['gc-status']);
  gcStatus.current = status.data?.['gc-status'];

  useEffect(() => {
    if (!settled) return;
    const c = new AbortController();
    controller.current = c;
    setState({ phase: 'listing' });
    void (async () => {
      try {
        const listed = { ...(await listForAccount(client, store)), ...gcOfStatus(gcStatus.current) };
        c.signal.throwIfAborted();
        const zero = { done: 0, total: listed.snapshots.length, skipped: 0, bytesRead: 0 };
        const counts = fileCounts();
        setState({ phase: 'reading', listed, progress: zero, files: { ...counts } });
        // held afterwards: a forget dialog or the prune preview then reads only the snapshots it asks about
        const report = await readAccount(store, listed, {
          hold: 'fresh',
          signal: c.signal,
          inThread,
          counts,
          onProgress: (progress) =>
            setState((s) => (s.phase === 'reading' ? { ...s, progress, files: { ...counts } } : s)),
        });
        rememberAccount(listed.server, store, report, serverNow());
        setState({ phase: 'done', listed, report, files: { ...counts } });
      } catch (error) {
        setState((s) => (c.signal.aborted ? { ...s, phase: 'cancelled' } : { ...s, phase: 'failed', error }));
      }
    })();
    return () => c.abort();
  }, [client, store, run, inThread, settled]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const restart = useCallback(() => setRun((r) => r + 1), []);
  return { state, cancel, restart };
}
