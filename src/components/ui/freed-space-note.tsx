// The figure a forget or prune decision needs: what it frees (chunks, logical bytes, estimated disk bytes) and when
// (the garbage collection that will remove the chunks), as the space account counts it.
import { formatBytes } from '@/lib/format-bytes';
import { formatDateTime } from '@/lib/format-time';
import { GC_CUTOFF_SECONDS, type FreedSpace } from '@/lib/space/freed-when';
import { DISK_ESTIMATE_ERROR, estimateDiskBytes } from '@/lib/space/report';

const chunks = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'chunk' : 'chunks'}`;

/**
 * `atMost`: the user lists only some groups of the datastore (a DatastoreBackup owner), so chunks that other groups
 * share look unique here: the figure is an upper bound.
 */
export function FreedSpaceNote({ space, atMost = false }: { space: FreedSpace | null; atMost?: boolean }) {
  if (!space) return null;
  const box = 'mt-3 rounded-md border border-neutral-200 p-3 text-sm dark:border-neutral-700';
  if (space.phase === 'failed') {
    const message = space.error instanceof Error ? space.error.message : String(space.error);
    return (
      <div className={box} role="status" aria-label="What this frees">
        <p>Cannot count what this frees: {space.refusal ?? message}</p>
      </div>
    );
  }
  if (space.phase === 'counting' || !space.selection || !space.datastore) {
    const p = space.progress;
    return (
      <div className={box} role="status" aria-label="What this frees" aria-busy="true">
        <p>
          Counting what this frees…{' '}
          {p ? `${p.done} of ${p.total} snapshots read (${formatBytes(p.bytesRead)} of index files)` : ''}
        </p>
      </div>
    );
  }
  const { unique, shared } = space.selection;
  const disk = estimateDiskBytes(unique.bytes, space.datastore);
  const bound = atMost ? 'at most ' : '';
  return (
    <div className={box} role="status" aria-label="What this frees">
      {unique.chunks === 0 ? (
        <p>
          Frees nothing: every chunk is also used by other snapshots ({chunks(shared.chunks)},{' '}
          {formatBytes(shared.bytes)} shared).
        </p>
      ) : (
        <p>
          Frees {bound}
          <strong>{chunks(unique.chunks)}</strong>, <strong>{formatBytes(unique.bytes)}</strong> of data
          {disk ? (
            <>
              {' '}
              (about {formatBytes(disk.bytes)} on disk, ±{DISK_ESTIMATE_ERROR * 100} %)
            </>
          ) : null}
          .{' '}
          {shared.chunks
            ? `${chunks(shared.chunks)} (${formatBytes(shared.bytes)}) stay: other snapshots use them.`
            : ''}
        </p>
      )}
      {unique.chunks > 0 ? <WhenFreed space={space} /> : null}
      {atMost ? (
        <p className="mt-1 text-neutral-600 dark:text-neutral-400">
          Counted over the groups you can list: chunks that groups of others share are counted as freed.
        </p>
      ) : null}
      {space.notCounted ? (
        <p className="mt-1 text-neutral-600 dark:text-neutral-400">
          {space.notCounted === 1 ? '1 snapshot is' : `${space.notCounted} snapshots are`} not counted: still being
          written.
        </p>
      ) : null}
    </div>
  );
}

function WhenFreed({ space }: { space: FreedSpace }) {
  const { when } = space;
  if (!when) return null;
  const after = formatDateTime(when.notBefore);
  const why = when.fromBackup
    ? `the first to start ${formatCutoff()} after the newest backup chosen (counted from its start)`
    : `the first to start ${formatCutoff()} after the last one's mark`;
  return (
    <p className="mt-1">
      {when.at !== null ? (
        <>
          Removed by the garbage collection at <strong>{formatDateTime(when.at)}</strong> ({why}).
        </>
      ) : (
        <>
          Removed by the first garbage collection started after <strong>{after}</strong>; none is scheduled.
        </>
      )}
    </p>
  );
}

const formatCutoff = () => `${Math.floor(GC_CUTOFF_SECONDS / 3600)} h ${(GC_CUTOFF_SECONDS % 3600) / 60} min`;
