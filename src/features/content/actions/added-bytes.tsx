// New and reused bytes of one backup, exactly, from its and the previous backup's index files. Loaded on demand
// (lazy-added-bytes.ts): the space account stays out of the chunks that only show the snapshot's details.
import { useQuery } from '@tanstack/react-query';
import { defaultServer } from '@/api/queries/default-server';
import { spaceQueries } from '@/api/queries/space';
import type { AddedTarget } from '@/api/space/added';
import { formatBytes } from '@/lib/format-bytes';
import { formatSnapshotTime } from '@/lib/format-time';

const muted = 'text-sm text-neutral-600 dark:text-neutral-400';
const chunks = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'chunk' : 'chunks'}`;

export default function AddedBytes({ target }: { target: AddedTarget }) {
  const q = useQuery(spaceQueries.added(defaultServer, target));
  if (q.isPending) {
    return (
      <p role="status" className={muted}>
        Counting new and reused bytes from the index files…
      </p>
    );
  }
  if (q.error) return <p className={muted}>New and reused bytes unknown: {q.error.message}</p>;
  const { added, reused, previous } = q.data;
  const rows: [string, string][] = [
    [
      previous === null ? 'New (the group’s oldest backup)' : 'New since the previous backup',
      `${formatBytes(added.bytes)} in ${chunks(added.chunks)}`,
    ],
    ['Reused from the previous backup', `${formatBytes(reused.bytes)} in ${chunks(reused.chunks)}`],
  ];
  return (
    <div role="group" aria-label="New and reused, from the index files" className="space-y-1">
      <dl className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-neutral-700 dark:text-neutral-300">{label}</dt>
            <dd className="text-right tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className={muted}>
        Logical bytes, counted from the chunk digests
        {previous === null ? '' : ` against the backup of ${formatSnapshotTime(previous)}`}.
      </p>
    </div>
  );
}
