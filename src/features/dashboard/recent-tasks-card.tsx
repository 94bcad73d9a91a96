import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { ItemProblem } from '@/components/ui/item-problem';
import { Skeleton } from '@/components/ui/skeleton';
import { Time } from '@/components/ui/time';
import { describeTask } from '@/lib/task-description';
import { dashboardQueries } from './api';
import { TaskStatusBadge } from '@/components/ui/task-status-badge';
import { orderTasks } from './task-order';

const SHOWN = 12;

export function RecentTasksCard() {
  const { data, error, isPending, refetch } = useQuery(dashboardQueries.recentTasks());
  const ordered = data ? orderTasks(data.items) : [];
  // tasks the server sent unreadable come first, each naming its field: they may be failures
  const failedRows = data?.failed ?? [];
  const failed = ordered.filter(
    (t) => t.status !== undefined && t.status !== 'OK' && !t.status.startsWith('WARNINGS'),
  ).length;

  return (
    <Card aria-labelledby="recent-tasks-title">
      <CardHeader
        id="recent-tasks-title"
        title="Tasks of the last 24 hours"
        actions={
          data ? (
            <span className="text-xs text-neutral-600 dark:text-neutral-400">
              {data.items.length + failedRows.length} tasks, {failed} failed
              {failedRows.length ? `, ${failedRows.length} unreadable` : ''}
            </span>
          ) : null
        }
      />
      {isPending ? <Skeleton className="h-40" label="Loading tasks…" /> : null}
      {error && !data ? (
        <ErrorState
          title="Cannot load tasks"
          message={error.message}
          action={
            <Button size="sm" onClick={() => void refetch()}>
              Try again
            </Button>
          }
        />
      ) : null}
      {data && data.items.length + failedRows.length === 0 ? (
        <p className="text-sm">No tasks in the last 24 hours.</p>
      ) : null}
      {ordered.length + failedRows.length > 0 ? (
        <ul className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
          {failedRows.slice(0, SHOWN).map((f) => (
            <li key={`#${f.index}`} className="py-1.5">
              <ItemProblem error={f} what="task" />
            </li>
          ))}
          {ordered.slice(0, Math.max(0, SHOWN - failedRows.length)).map((task) => (
            <li key={task.upid} className="flex flex-wrap items-center gap-x-3 gap-y-0.5 py-1.5">
              <Link
                to={`/tasks/${encodeURIComponent(task.upid)}`}
                className="min-w-0 basis-full truncate sm:flex-1 sm:basis-auto"
              >
                {describeTask(task.worker_type, task.worker_id)}
              </Link>
              <span className="mr-auto text-xs text-neutral-600 sm:mr-0 dark:text-neutral-400">
                <Time epoch={task.starttime} />
              </span>
              <TaskStatusBadge status={task.endtime === undefined ? undefined : task.status} />
            </li>
          ))}
        </ul>
      ) : null}
      {ordered.length + failedRows.length > SHOWN ? (
        <p className="mt-2 text-xs text-neutral-600 dark:text-neutral-400">
          {ordered.length + failedRows.length - SHOWN} more not shown; <Link to="/tasks">all tasks</Link>
        </p>
      ) : null}
    </Card>
  );
}
