import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Time } from '@/components/ui/time';
import { formatDuration } from '@/lib/format-time';
import { describeTaskStatus, taskStatusKind, type TaskStatusKind } from '@/lib/task-status';
import { verifyQueries } from './api';
import { FailedSnapshots } from './failed-snapshots';

const tones: Record<TaskStatusKind, Tone> = {
  ok: 'ok',
  warning: 'warning',
  error: 'error',
  unknown: 'neutral',
  running: 'info',
};

/** Past runs of one verify job, newest first, each with its outcome and, for failed ones, the snapshots that failed. */
export function VerifyHistory({ store, id }: { store: string; id: string }) {
  const { data, error } = useQuery(verifyQueries.history(store, id));
  // The newest failed run opens by itself: its snapshots are what the admin came for.
  const [choice, setOpen] = useState<string | null | undefined>(undefined);
  if (error) return <ErrorState title="Cannot read the job's runs" message={error.message} />;
  if (!data) return <Skeleton className="h-24" label="Loading the job's runs…" />;
  if (data.length === 0) return <p className="text-sm">This job has not run yet.</p>;
  const open = choice === undefined ? (data.find((t) => taskStatusKind(t.status) === 'error')?.upid ?? null) : choice;
  return (
    <ol className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800" aria-label={`Runs of verify job ${id}`}>
      {data.map((task) => {
        const kind = taskStatusKind(task.status);
        return (
          <li key={task.upid} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
            <Time epoch={task.starttime} />
            <Badge tone={tones[kind]} title={task.status}>
              {kind === 'error' ? 'Failed' : describeTaskStatus(task.status)}
            </Badge>
            {task.endtime !== undefined ? (
              <span className="text-xs">took {formatDuration(task.endtime - task.starttime)}</span>
            ) : null}
            <Link to={`/tasks/${encodeURIComponent(task.upid)}`} className="text-xs">
              Show log
            </Link>
            {kind === 'error' ? (
              <Button
                size="sm"
                variant="ghost"
                aria-expanded={open === task.upid}
                onClick={() => setOpen(open === task.upid ? null : task.upid)}
              >
                Failed snapshots
              </Button>
            ) : null}
            {open === task.upid ? (
              <div className="w-full pl-2">
                <FailedSnapshots upid={task.upid} store={store} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
