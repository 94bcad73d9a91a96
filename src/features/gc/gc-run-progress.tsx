import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { taskStatusKind } from '@/lib/task-status';
import { gcQueries } from './api';

/** Follows a GC task while it runs; when it stops, everything that shows GC results is read again. */
export function GcRunProgress({ upid }: { upid: string }) {
  const queryClient = useQueryClient();
  const { data } = useQuery(gcQueries.taskStatus(upid));
  const stopped = data?.status === 'stopped';

  useEffect(() => {
    if (!stopped) return;
    for (const queryKey of [['datastores'], ['gc'], ['jobs'], ['tasks', 'list']]) void queryClient.invalidateQueries({ queryKey });
  }, [stopped, queryClient]);

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
