import { useQuery } from '@tanstack/react-query';
import { parseUpid } from '@/api/upid';
import { Badge, type Tone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Figure, FigureList, Unknown } from '@/components/ui/figure';
import { Time } from '@/components/ui/time';
import { describeTask } from '@/lib/task-description';
import { describeTaskStatus, taskStateKind, type TaskStatusKind } from '@/lib/task-status';
import { taskQueries } from './api';
import { TaskLog } from './task-log';

const tones: Record<TaskStatusKind, Tone> = { ok: 'ok', warning: 'warning', error: 'error', unknown: 'neutral', running: 'info' };

/** One task: what it is in words, its state, and its log. A UPID that does not parse is shown as it came. */
export function TaskPage({ upid }: { upid: string }) {
  const parsed = parseUpid(upid);
  const { data: status, error } = useQuery(taskQueries.status(upid));
  const kind = status ? taskStateKind(status) : null;
  const title = parsed ? describeTask(parsed.type, parsed.id) : 'Task';
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="font-mono text-xs break-all text-neutral-600 dark:text-neutral-400">{upid}</p>
      {error && !status ? <ErrorState title="Cannot read the task's status" message={error.message} /> : null}
      <Card aria-label="Task status">
        <FigureList>
          <Figure label="Status">
            {status && kind ? (
              <Badge tone={tones[kind]}>{status.status === 'running' ? 'Running' : describeTaskStatus(status.exitstatus)}</Badge>
            ) : (
              <Unknown />
            )}
          </Figure>
          <Figure label="Started">{parsed ? <Time epoch={parsed.starttime} /> : <Unknown />}</Figure>
          <Figure label="User">{status?.user ?? parsed?.user ?? <Unknown />}</Figure>
        </FigureList>
      </Card>
      <TaskLog upid={upid} running={status?.status !== 'stopped'} />
    </div>
  );
}
