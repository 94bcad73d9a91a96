import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useMemo, useState } from 'react';
import type { BackupType } from '@/api/schemas/common';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import type { KeepOptions } from '@/lib/prune';
import { previewCounts, previewRows } from '@/lib/prune-preview';
import { pruneQueries } from './api';
import { LazyFreedSpace } from './lazy-freed-space';
import { PreviewTable } from './preview-table';
import { PruneGroupDialog } from './prune-group-dialog';

interface PreviewResultProps {
  store: string;
  ns: string;
  group?: { type: BackupType; id: string };
  keep: KeepOptions;
  zone: string;
  canPrune: boolean;
  /** the user lists only their own groups: what pruning frees is an upper bound */
  atMost?: boolean;
}

/** The local plan of the snapshots in scope and, for a group, the server's dry run beside it; "prune now" for a group. */
export function PreviewResult({ store, ns, group, keep, zone, canPrune, atMost = false }: PreviewResultProps) {
  const snapshots = useQuery(pruneQueries.snapshots(store, ns, group));
  const ref = group ? { store, ns, ...group } : null;
  // PBS answers a dry run only to whoever may prune the group (Modify, or Prune as its owner)
  const withServer = ref !== null && canPrune;
  const dryRun = useQuery({
    ...pruneQueries.dryRun(ref ?? { store, ns, type: 'vm', id: '' }, keep),
    enabled: withServer,
  });
  const [confirm, setConfirm] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const rows = useMemo(() => {
    if (!snapshots.data) return [];
    const snaps = snapshots.data.map((s) => ({
      type: s['backup-type'],
      id: s['backup-id'],
      time: s['backup-time'],
      protected: s.protected === true,
      // PBS lists an unfinished snapshot (no manifest yet) without a size
      finished: s.size !== undefined,
    }));
    const server = dryRun.data?.map((m) => ({
      type: m['backup-type'],
      id: m['backup-id'],
      time: m['backup-time'],
      keep: m.keep,
    }));
    return previewRows(snaps, keep, zone, server);
  }, [snapshots.data, dryRun.data, keep, zone]);
  // what the prune would remove (by the server's dry run where it answered), and what that frees; counted once
  // the options have stayed the same for a moment
  const removed = useMemo(
    () =>
      rows
        .filter((r) => !(r.server ?? r.keep))
        .map((r) => {
          const slash = r.group.indexOf('/');
          return { ns, type: r.group.slice(0, slash), id: r.group.slice(slash + 1), time: r.time };
        }),
    [rows, ns],
  );
  const settled = useSettled(removed, 600);

  if (snapshots.isPending) return <Skeleton className="h-24" label="Loading snapshots…" />;
  if (snapshots.error) return <ErrorState title="Cannot list the snapshots" message={snapshots.error.message} />;

  const counts = previewCounts(rows);
  const server = dryRun.data;

  return (
    <div className="space-y-2">
      <p role="status" className="text-sm">
        {rows.length === 0
          ? 'No snapshots here.'
          : `The local rules keep ${counts.keep} and remove ${counts.remove} of ${rows.length} snapshots.`}
        {done ? ` ${done}` : ''}
      </p>
      {ref && !canPrune ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          The server's dry run needs the right to prune this group; only the local rules are shown.
        </p>
      ) : null}
      {dryRun.error ? <ErrorState title="The server's dry run failed" message={dryRun.error.message} /> : null}
      {server && counts.disagree > 0 ? (
        <ErrorState
          title={`The server's dry run disagrees on ${counts.disagree} ${counts.disagree === 1 ? 'snapshot' : 'snapshots'}`}
          message="Marked below. A prune does what the server says; the local preview may miss a newer snapshot or a rule detail."
        />
      ) : null}
      {server && counts.disagree === 0 && rows.length > 0 ? (
        <p className="text-sm text-green-800 dark:text-green-300">
          The server's dry run agrees with the local preview.
        </p>
      ) : null}
      {counts.remove > 0 && settled.length > 0 ? (
        <Suspense fallback={null}>
          <LazyFreedSpace store={store} targets={settled} atMost={atMost} />
        </Suspense>
      ) : null}
      {ref && canPrune && rows.length > 0 ? (
        <Button variant="danger" size="sm" onClick={() => setConfirm(true)} disabled={counts.remove === 0}>
          Prune {ref.type}/{ref.id} now
        </Button>
      ) : null}
      {rows.length > 0 ? (
        <PreviewTable rows={rows} zone={zone} withServer={withServer} serverPending={dryRun.isFetching} />
      ) : null}
      {confirm && ref ? (
        <PruneGroupDialog
          target={ref}
          keep={keep}
          counts={counts}
          onClose={() => setConfirm(false)}
          onDone={({ kept, removed }) => {
            setConfirm(false);
            setDone(`Pruned ${ref.type}/${ref.id}: removed ${removed}, kept ${kept}.`);
          }}
        />
      ) : null}
    </div>
  );
}

/** `value` once it has stayed the same (by its JSON) for `ms`: typing keep options does not restart the count. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // the key stands for the value
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ms]);
  return settled;
}
