import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import type { GroupItem } from '@/api/schemas/content';
import { contentQueries, snapshotFactsPrefix } from './api';
import type { SnapshotFacts } from './snapshot-facts';

/** Parallel snapshot-list requests of the background search: enough to keep the server busy, not flooded. */
const PARALLEL = 4;
/** Re-render at most this often while the search runs, so typing never waits for it. */
const PUBLISH_MS = 250;

export interface ScanTarget {
  key: string;
  ns: string;
  group: GroupItem;
}

export interface SnapshotScan {
  facts: ReadonlyMap<string, SnapshotFacts>;
  done: number;
  total: number;
  running: boolean;
  cancelled: boolean;
  cancel: () => void;
  resume: () => void;
}

/**
 * Loads the snapshot facts of every target group whose snapshots are not loaded yet, a few at a time, while
 * `active`. Results live in the query cache (under snapshotFactsPrefix); this hook only reads them back.
 * A new target list (another filter, another namespace) starts a new run; `cancel` stops the current one.
 */
export function useSnapshotScan(store: string, targets: readonly ScanTarget[], active: boolean): SnapshotScan {
  const client = useQueryClient();
  const [version, setVersion] = useState(0);
  const ids = useMemo(() => targets.map((t) => t.key).join('\n'), [targets]);
  const [progress, setProgress] = useState({ done: 0, total: 0, running: false, ids: '' });
  const [cancelledIds, setCancelledIds] = useState<string | null>(null);

  useEffect(() => {
    if (!active || cancelledIds === ids) return;
    const controller = new AbortController();
    const queue = targets.filter((t) => {
      const query = contentQueries.snapshotFacts({
        store,
        ns: t.ns,
        type: t.group['backup-type'],
        id: t.group['backup-id'],
      });
      const state = client.getQueryState(query.queryKey);
      return !state?.data || state.isInvalidated;
    });
    const total = targets.length;
    let done = total - queue.length;
    let last = 0;
    const publish = (running: boolean) => {
      startTransition(() => {
        setProgress({ done, total, running, ids });
        setVersion((v) => v + 1);
      });
    };
    publish(queue.length > 0);
    if (queue.length === 0) return () => controller.abort();
    const worker = async () => {
      for (let t = queue.shift(); t && !controller.signal.aborted; t = queue.shift()) {
        const ref = { store, ns: t.ns, type: t.group['backup-type'], id: t.group['backup-id'] };
        try {
          await client.fetchQuery(contentQueries.snapshotFacts(ref));
        } catch {
          // a group that cannot be read stays out of the results; the others go on
        }
        if (controller.signal.aborted) return;
        done++;
        if (Date.now() - last > PUBLISH_MS) {
          last = Date.now();
          publish(true);
        }
      }
    };
    void Promise.all(Array.from({ length: PARALLEL }, worker)).then(() => {
      if (!controller.signal.aborted) publish(false);
    });
    return () => {
      controller.abort();
      void client.cancelQueries({ queryKey: snapshotFactsPrefix(store) });
    };
    // `ids` stands for `targets`: a re-render with the same groups must not restart the run
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, store, ids, active, cancelledIds]);

  const facts = useMemo(() => {
    void version;
    const map = new Map<string, SnapshotFacts>();
    if (!active) return map;
    for (const t of targets) {
      const data = client.getQueryData(
        contentQueries.snapshotFacts({ store, ns: t.ns, type: t.group['backup-type'], id: t.group['backup-id'] })
          .queryKey,
      );
      if (data) map.set(t.key, data);
    }
    return map;
  }, [client, store, targets, active, version]);

  const cancel = useCallback(() => setCancelledIds(ids), [ids]);
  const resume = useCallback(() => setCancelledIds(null), []);

  const current = progress.ids === ids;
  const cancelled = active && cancelledIds === ids;
  return {
    facts,
    done: current ? progress.done : 0,
    total: targets.length,
    running: active && !cancelled && (!current || progress.running),
    cancelled,
    cancel,
    resume,
  };
}
