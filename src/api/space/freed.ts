// What forgetting some snapshots frees, counted where the decision is made (the forget dialogs, the prune preview):
// a space account of the datastore (index files from this browser's cache where kept, downloaded otherwise) and a
// second pass over the chosen snapshots, with the garbage collection that will remove their chunks.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { datastoreQueries } from '@/api/queries/datastores';
import { isPbsError } from '@/api/client';
import { defaultServer } from '@/api/queries/default-server';
import { nodeQueries } from '@/api/queries/node';
import { serverNow } from '@/api/server-clock';
import { parseUpid } from '@/api/upid';
import { freedWhen, type FreedSpace, type FreedTarget } from '@/lib/space/freed-when';
import { DownloadRefusedError, gcOfStatus, listForAccount, readAccountAndSelection } from './account';

export type { FreedSpace, FreedTarget } from '@/lib/space/freed-when';

const targetKey = (t: FreedTarget) => `${t.ns}|${t.type}/${t.id}/${t.time}`;

/**
 * Counts what forgetting `targets` on `store` frees, while `targets` is given (a dialog is open); cancelled when it
 * closes or the targets change. `inThread` (tests) keeps the engine in this thread.
 */
export function useFreedSpace(
  store: string,
  targets: readonly FreedTarget[] | null,
  { inThread = false }: { inThread?: boolean } = {},
): FreedSpace | null {
  const client = useQueryClient();
  const enabled = targets !== null && targets.length > 0;
  const gc = useQuery({ ...datastoreQueries.gcStatus(defaultServer, store), enabled });
  const time = useQuery({ ...nodeQueries.time(defaultServer), enabled });
  const keys = useMemo(() => (targets ? targets.map(targetKey).sort().join('\n') : ''), [targets]);
  const [state, setState] = useState<{ keys: string; space: FreedSpace } | null>(null);

  useEffect(() => {
    if (!keys) return;
    const c = new AbortController();
    const wanted = new Set(keys.split('\n'));
    const set = (space: FreedSpace) => {
      if (!c.signal.aborted) setState({ keys, space });
    };
    set({ phase: 'counting', notCounted: 0 });
    void (async () => {
      try {
        const status = await client.fetchQuery(datastoreQueries.status(defaultServer, store));
        const listed = { ...(await listForAccount(client, store)), ...gcOfStatus(status['gc-status']) };
        const select = listed.snapshots.flatMap((s, i) => (wanted.has(targetKey(s)) ? [i] : []));
        const notCounted = wanted.size - select.length;
        // the first pass of the space view or of an earlier dialog, when it read the same listing
        const result = await readAccountAndSelection(store, listed, {
          hold: 'reuse',
          signal: c.signal,
          inThread,
          select,
          onProgress: (progress) => set({ phase: 'counting', progress, notCounted }),
        });
        set({ phase: 'done', selection: result.selection, datastore: result.report.datastore, notCounted });
      } catch (error) {
        // PBS refuses the download to a user who may list but not read (Datastore.Audit alone)
        const refusal =
          error instanceof DownloadRefusedError
            ? error.message
            : isPbsError(error, 403)
              ? `Counting reads the index files, which needs Datastore.Read on /datastore/${store} (or Datastore.Backup as the owner of the groups).`
              : undefined;
        set({ phase: 'failed', error, notCounted: 0, ...(refusal ? { refusal } : {}) });
      }
    })();
    return () => c.abort();
  }, [client, store, keys, inThread]);

  const space = state?.keys === keys ? state.space : null;
  const lastUpid = gc.data?.upid;
  const zone = time.data?.timezone;
  const when = useMemo(() => {
    if (!targets || !gc.data || !zone) return undefined;
    const lastMark = lastUpid ? parseUpid(lastUpid)?.starttime : undefined;
    return freedWhen({
      ...(lastMark === undefined ? {} : { lastMark }),
      snapshotTimes: targets.map((t) => t.time),
      ...(gc.data.schedule ? { schedule: gc.data.schedule } : {}),
      zone,
      now: serverNow(),
    });
  }, [targets, gc.data, lastUpid, zone]);
  if (!enabled || !space) return enabled ? { phase: 'counting', notCounted: 0, ...(when ? { when } : {}) } : null;
  return when ? { ...space, when } : space;
}
