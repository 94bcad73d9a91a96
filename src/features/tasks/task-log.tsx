import type { ReactNode } from 'react';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import type { LogState } from './log-merge';
import { TaskLogLines } from './task-log-lines';

interface TaskLogProps {
  log: LogState | undefined;
  error: Error | null;
  /** The download button. */
  actions?: ReactNode;
}

/** The task's log lines as PBS wrote them, numbered, failures marked. */
export function TaskLog({ log, error, actions }: TaskLogProps) {
  return (
    <Card aria-labelledby="task-log-title">
      <CardHeader
        id="task-log-title"
        title="Log"
        actions={
          <>
            {log ? (
              <span className="text-xs text-neutral-600 dark:text-neutral-400">{log.lines.length} lines</span>
            ) : null}
            {actions}
          </>
        }
      />
      {!log && !error ? <Skeleton className="h-40" label="Loading the log…" /> : null}
      {error ? <ErrorState title="Cannot read the task log" message={error.message} /> : null}
      {log ? <TaskLogLines lines={log.lines} /> : null}
    </Card>
  );
}
