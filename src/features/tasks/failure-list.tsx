import type { TaskListItem } from '@/api/schemas/tasks';
import { taskHref } from '@/components/ui/task-log-link';
import { Time } from '@/components/ui/time';
import { Link } from 'react-router';
import { describeTask } from '@/lib/task-description';

/** Failed job tasks, newest first, each linked to its log. */
export function FailureList({ failures, onOpen }: { failures: TaskListItem[]; onOpen?: () => void }) {
  return (
    <ul className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
      {failures.map((t) => (
        <li key={t.upid} className="py-1.5">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <Link to={taskHref(t.upid)} onClick={onOpen} className="min-w-0 font-medium break-words">
              {describeTask(t.worker_type, t.worker_id)}
            </Link>
            <span className="text-xs text-neutral-600 dark:text-neutral-400">
              {t.endtime === undefined ? null : <Time epoch={t.endtime} />}
            </span>
          </div>
          <p className="text-xs break-words text-red-800 dark:text-red-300">{t.status}</p>
        </li>
      ))}
    </ul>
  );
}
