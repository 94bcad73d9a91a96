import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Bytes } from '@/components/ui/bytes';
import { Time } from '@/components/ui/time';
import { formatDedupFactor } from '@/lib/dedup';
import { formatDuration } from '@/lib/format-time';
import { taskStatusKind } from '@/lib/task-status';
import type { GcHistoryRow } from './gc-series';

const tone = (status: string | undefined) => {
  const kind = taskStatusKind(status ?? 'unknown');
  return kind === 'ok' ? 'ok' : kind === 'warning' ? 'warning' : kind === 'error' ? 'error' : 'neutral';
};

/** The numbers behind the history charts, newest first: readable without the charts. */
export function GcRunsTable({ rows }: { rows: readonly GcHistoryRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="sr-only">Garbage collection runs</caption>
        <thead className="text-neutral-600 dark:text-neutral-400">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Finished
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Removed
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Pending
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Dedup factor
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Duration
            </th>
            <th scope="col" className="py-1 font-medium">
              Result
            </th>
          </tr>
        </thead>
        <tbody>
          {[...rows].reverse().map((r) => (
            <tr key={r.upid} className="border-t border-neutral-200 dark:border-neutral-700">
              <td className="py-1 pr-3">
                <Link to={`/tasks/${encodeURIComponent(r.upid)}`} className="underline">
                  <Time epoch={r.time} />
                </Link>
                {r.schedule ? (
                  <span className="ml-1 text-xs text-neutral-600 dark:text-neutral-400">(scheduled)</span>
                ) : null}
              </td>
              <td className="py-1 pr-3">
                <Bytes value={r.removed} />
              </td>
              <td className="py-1 pr-3">
                <Bytes value={r.pending} />
              </td>
              <td className="py-1 pr-3">{formatDedupFactor(r.dedup)}</td>
              <td className="py-1 pr-3">{r.duration !== undefined ? formatDuration(r.duration) : '–'}</td>
              <td className="py-1">
                <Badge tone={tone(r.status)}>{r.status ?? 'unknown'}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
