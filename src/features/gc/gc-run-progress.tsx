import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { taskStatusKind } from '@/lib/task-status';
import { gcQueries } from './api';

/** Follows a GC task while it runs; when it stops, everything that shows GC results is read again (api/queries/invalidation.ts). */
export function GcRunProgress({ upid }: { upid: string }) {
  const { data } = useQuery(gcQueries.taskStatus(upid));
  const stopped = data?.status === 'stopped';

  const kind = stopped ? taskStatusKind(data.exitstatus ?? 'unknown') : 'running';
  const tone = kind === 'ok' ? 'ok' : kind === 'warning' ? 'warning' : kind === 'running' ? 'info' : 'error';
  return (
    <p role="status" className="flex flex-wrap items-center justify-end gap-1 text-xs">
      <Link to={`/tasks/${encodeURIComponent(upid)}`} title={upid} className="underline">
        Garbage collection task
      </Link>
      <Badge tone={tone}>{stopped ? (data.exitstatus ?? 'stopped') : 'running'}</Badge>
    </p>
  );
}
