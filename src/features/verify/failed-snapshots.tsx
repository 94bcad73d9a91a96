import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { formatSnapshotTime } from '@/lib/format-time';
import { parseVerifyLog } from '@/lib/verify-log';
import { verifyQueries } from './api';

function contentLink(store: string, ns: string, type: string, id: string): string {
  const q = new URLSearchParams({ ns, q: `${type}/${id}` });
  return `/datastores/${encodeURIComponent(store)}/content?${q.toString()}`;
}

/** The snapshots one verify run could not verify, read from its task log, each linked to the content view. */
export function FailedSnapshots({ upid, store }: { upid: string; store: string }) {
  const { data, error } = useQuery(verifyQueries.runLog(upid));
  if (error) return <ErrorState title="Cannot read the task log" message={error.message} />;
  if (!data) return <Skeleton className="h-10" label="Reading the task log…" />;
  const summary = parseVerifyLog(data.map((l) => l.t));
  if (summary.failed.length === 0) {
    return <p className="text-sm">{summary.error ?? 'The log names no failed snapshot.'}</p>;
  }
  return (
    <div className="text-sm">
      <p>
        {summary.failed.length} failed of {summary.verified} verified
        {summary.chunkErrors > 0
          ? `, ${summary.chunkErrors} chunk ${summary.chunkErrors === 1 ? 'error' : 'errors'}`
          : ''}
        :
      </p>
      <ul className="mt-1 space-y-1">
        {summary.failed.map((f) => (
          <li key={f.path}>
            <Link to={contentLink(store, f.ns, f.type, f.id)} className="font-mono text-xs">
              {f.ns ? `${f.ns} › ` : ''}
              {f.type}/{f.id}
              {f.time !== undefined ? `/${formatSnapshotTime(f.time)}` : ''}
            </Link>
            {f.reasons.length > 0 ? (
              <span className="block text-xs text-red-700 dark:text-red-300">{f.reasons.join('; ')}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
