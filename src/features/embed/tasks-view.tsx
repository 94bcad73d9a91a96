import { useQuery } from '@tanstack/react-query';
import { serverNow } from '@/api/server-clock';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/error-state';
import { embedQueries } from './api';
import { failedSince } from './store-summary';
import { TaskList } from './task-list';

/** /embed/tasks: what runs now and what failed in the last 24 hours. */
export function TasksView() {
  const recent = useQuery(embedQueries.recentTasks());
  const running = useQuery(embedQueries.runningTasks());
  if (recent.isPending || running.isPending) return <Skeleton className="h-24" label="Loading tasks…" />;
  const error = recent.error ?? running.error;
  if (!recent.data || !running.data) return <ErrorState title="Cannot read the task list" message={error?.message} />;
  const now = serverNow();
  return (
    <div className="space-y-3">
      <h1 className="sr-only">Backup server tasks</h1>
      <TaskList title="Running" tasks={running.data} now={now} empty="Nothing is running." />
      <TaskList
        title="Failed in 24 h"
        tasks={failedSince(recent.data, now)}
        now={now}
        empty="No task failed in the last 24 hours."
      />
    </div>
  );
}
