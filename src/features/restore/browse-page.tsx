import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { backupTypeSchema } from '@/api/schemas/common';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Time } from '@/components/ui/time';
import { isFileArchive } from '@/lib/catalog-path';
import { parseNs, snapshotPath } from '@/lib/namespace-path';
import { restoreQueries, type SnapshotRef } from './api';
import { SnapshotRestore } from './snapshot-restore';

function parseRef(store: string, params: URLSearchParams): SnapshotRef | null {
  const ns = parseNs(params.get('ns'));
  const type = backupTypeSchema.safeParse(params.get('type'));
  const id = params.get('id');
  const time = params.get('time');
  if (ns === null || !type.success || !id || !time || !/^\d+$/.test(time)) return null;
  return { store, ns, type: type.data, id, time: Number(time) };
}

/** The files of one snapshot: browse a file archive, or download whole archives. */
export function BrowsePage({ store }: { store: string }) {
  const [params] = useSearchParams();
  const ref = parseRef(store, params);
  const contentHref = `/datastores/${encodeURIComponent(store)}/content${ref?.ns ? `?ns=${encodeURIComponent(ref.ns)}` : ''}`;
  return (
    <div className="space-y-3">
      <div>
        <h1 className="text-xl font-semibold break-all">
          {ref ? `Files of ${snapshotPath(ref.ns, ref.type, ref.id, ref.time)}` : 'Files of a snapshot'}
        </h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Datastore {store}
          {ref ? (
            <>
              {' · backed up '}
              <Time epoch={ref.time} />
            </>
          ) : null}
          {' · '}
          <Link to={contentHref}>Back to the content</Link>
        </p>
      </div>
      {ref ? (
        <SnapshotFiles snapshot={ref} archive={params.get('archive')} />
      ) : (
        <ErrorState title="Not a snapshot" message="The address names no snapshot: it needs type, id and time." />
      )}
    </div>
  );
}

function SnapshotFiles({ snapshot, archive }: { snapshot: SnapshotRef; archive: string | null }) {
  const { data, error, isPending } = useQuery(restoreQueries.snapshot(snapshot));
  if (isPending) return <Skeleton className="h-64" label="Loading the snapshot…" />;
  if (error) return <ErrorState title="Cannot read the snapshot" message={error.message} />;
  if (!data) return <ErrorState title="This snapshot no longer exists" message="It was forgotten or pruned." />;
  const files = data.files ?? [];
  const archives = files.filter((f) => isFileArchive(f.filename));
  return <SnapshotRestore snapshot={snapshot} files={files} archives={archives} archive={archive} />;
}
