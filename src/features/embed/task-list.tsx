import type { TaskListItem } from '@/api/schemas/tasks';
import { describeTask } from '@/lib/task-description';
import { formatRelative } from '@/lib/format-time';
import { ConsoleLink } from './console-link';

/** A short list of tasks; each opens its log in the console, in a new tab. */
export function TaskList({
  title,
  tasks,
  now,
  empty,
}: {
  title: string;
  tasks: TaskListItem[];
  now: number;
  empty: string;
}) {
  const id = `tasks-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="space-y-1">
      <h2 id={id} className="text-sm font-semibold">
        {title} ({tasks.length})
      </h2>
      {tasks.length === 0 ? (
        <p className="text-xs text-neutral-600 dark:text-neutral-400">{empty}</p>
      ) : (
        <ul className="divide-y divide-neutral-200 text-xs dark:divide-neutral-800">
          {tasks.map((t) => (
            <li key={t.upid} className="flex flex-wrap items-baseline justify-between gap-x-2 py-1">
              <ConsoleLink to={`/tasks/${encodeURIComponent(t.upid)}`}>
                {describeTask(t.worker_type, t.worker_id)}
              </ConsoleLink>
              <span className="text-neutral-600 dark:text-neutral-400">
                {t.endtime !== undefined ? formatRelative(t.endtime, now) : `since ${formatRelative(t.starttime, now)}`}
              </span>
              {t.status && t.endtime !== undefined ? (
                <span className="w-full truncate text-red-800 dark:text-red-300" title={t.status}>
                  {t.status}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
