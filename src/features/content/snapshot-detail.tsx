import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { ItemProblem } from '@/components/ui/item-problem';
import { Skeleton } from '@/components/ui/skeleton';
import { widgetFallback } from '@/components/ui/widget-fallback';
import { snapshotPath } from '@/lib/namespace-path';
import { SnapshotNotes } from './actions/snapshot-notes';
import { offer, usePermissionsAt, type ContentPermissions } from './actions/permissions';
import { UploadStats } from './actions/upload-stats';
import { contentQueries } from './api';
import { ManifestFacts } from './manifest-facts';
import { RestoreVolid } from './restore-volid';
import { SnapshotFactsList } from './snapshot-facts-list';
import { SnapshotFilesTable } from './snapshot-files-table';
import type { DetailRef } from './url-state';

interface SnapshotDetailProps {
  store: string;
  snapshot: DetailRef;
  permissions: ContentPermissions;
  now: number;
  onClose: () => void;
  /** the group's upload chart, beside the snapshot's own figures */
  groupChart?: ReactNode;
}

/** The backup time an unreadable snapshot was sent with, if that much of it is readable. */
const rawTime = (raw: unknown) =>
  typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'backup-time') : undefined;

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-1">
      <h3 className="text-sm font-semibold">{title}</h3>
      <ErrorBoundary fallback={widgetFallback(title.toLowerCase())}>{children}</ErrorBoundary>
    </section>
  );
}

/** Everything about one snapshot: its facts, files, manifest, notes, upload statistics and restore id. */
export function SnapshotDetail({
  store,
  snapshot: ref,
  permissions: base,
  now,
  onClose,
  groupChart,
}: SnapshotDetailProps) {
  const headingId = useId();
  const permissions = usePermissionsAt(base, ref.ns);
  const { data, error, isPending } = useQuery(
    contentQueries.snapshots({ store, ns: ref.ns, type: ref.type, id: ref.id }),
  );
  const snapshot = data?.items.find((s) => s['backup-time'] === ref.time);
  // sent, but not readable: the detail names the field rather than calling it gone
  const unreadable = data?.failed.find((f) => rawTime(f.raw) === ref.time);
  const path = snapshotPath(ref.ns, ref.type, ref.id, ref.time);
  // downloads, browsing, the manifest and Proxmox VE's restore read the snapshot as PBS's download calls do
  const download = offer(permissions, 'download', snapshot?.owner);
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-md border border-neutral-200 bg-white p-4 dark:border-neutral-700 dark:bg-neutral-900"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id={headingId} className="min-w-0 text-base font-semibold break-all">
          Snapshot {path}
        </h2>
        <Button size="sm" variant="ghost" aria-label="Close snapshot details" onClick={onClose}>
          <X aria-hidden className="size-4" />
        </Button>
      </div>
      {isPending ? <Skeleton className="h-40" label="Loading the snapshot…" /> : null}
      {error ? <ErrorState title="Cannot read the snapshot" message={error.message} /> : null}
      {unreadable ? <ItemProblem error={unreadable} what="snapshot" /> : null}
      {data && !snapshot && !unreadable ? (
        <ErrorState title="This snapshot no longer exists" message="It was forgotten or pruned." />
      ) : null}
      {snapshot ? (
        <>
          <SnapshotFactsList snapshot={snapshot} ns={ref.ns} now={now} />
          <Part title="Files">
            <SnapshotFilesTable files={snapshot.files ?? []} download={download} />
          </Part>
          <Part title="Manifest">
            <ManifestFacts store={store} snapshot={ref} read={download} />
          </Part>
          <ErrorBoundary fallback={widgetFallback('the upload statistics')}>
            <UploadStats store={store} ns={ref.ns} permissions={permissions} snapshot={snapshot} />
          </ErrorBoundary>
          {groupChart ? (
            <ErrorBoundary fallback={widgetFallback('the upload chart')}>{groupChart}</ErrorBoundary>
          ) : null}
          <ErrorBoundary fallback={widgetFallback('the notes')}>
            <SnapshotNotes store={store} ns={ref.ns} permissions={permissions} snapshot={snapshot} />
          </ErrorBoundary>
          <ErrorBoundary fallback={widgetFallback('the restore volume id')}>
            <RestoreVolid store={store} snapshot={ref} restore={download} />
          </ErrorBoundary>
        </>
      ) : null}
    </section>
  );
}
