import { useQuery } from '@tanstack/react-query';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { taskQueries } from './api';

/** The task's log lines as PBS wrote them, numbered; follows the task while it runs. */
export function TaskLog({ upid, running }: { upid: string; running: boolean }) {
  const { data, error, isPending } = useQuery(taskQueries.log(upid, running));
  return (
    <Card aria-labelledby="task-log-title">
      <CardHeader id="task-log-title" title="Log" actions={data ? <span className="text-xs">{data.total ?? data.data.length} lines</span> : null} />
      {isPending ? <Skeleton className="h-40" label="Loading the log…" /> : null}
      {error && !data ? <ErrorState title="Cannot read the task log" message={error.message} /> : null}
      {data ? (
        // A scrolling region must be reachable by keyboard to be read (WCAG 2.1.1), hence the tab stop.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div role="region" aria-label="Task log lines" tabIndex={0} className="max-h-[70vh] overflow-auto rounded bg-neutral-50 p-2 font-mono text-xs dark:bg-neutral-950">
          <ol>
          {data.data.map((line) => (
            <li key={line.n} className="flex gap-3 whitespace-pre-wrap break-all">
              <span aria-hidden className="w-10 shrink-0 text-right text-neutral-500 select-none">
                {line.n}
              </span>
              <span>{line.t}</span>
            </li>
          ))}
          </ol>
        </div>
      ) : null}
    </Card>
  );
}
