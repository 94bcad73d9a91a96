import type { TaskListItem } from '@/api/schemas/tasks';
import { FreeText } from '@/components/ui/free-text';
import { ItemProblem } from '@/components/ui/item-problem';
import { isItemError, type ItemError } from '@/lib/item-error';
import { TaskLogLink } from '@/components/ui/task-log-link';
import { Time } from '@/components/ui/time';
import { formatDuration } from '@/lib/format-time';
import { describeTask } from '@/lib/task-description';
import { TaskStatusBadge } from '@/components/ui/task-status-badge';

const th = 'px-2 py-1.5 text-left text-xs font-semibold text-neutral-700 dark:text-neutral-300';
const td = 'px-2 py-1.5 align-top';

/** One page of tasks: when, who, what in words (linked to its log), and how it ended. */
export function TaskTable({ rows, now }: { rows: (TaskListItem | ItemError)[]; now: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">Tasks, newest first</caption>
        <thead className="border-b border-neutral-200 dark:border-neutral-700">
          <tr>
            <th scope="col" className={th}>
              Started
            </th>
            <th scope="col" className={th}>
              Ended
            </th>
            <th scope="col" className={th}>
              User
            </th>
            <th scope="col" className={th}>
              Task
            </th>
            <th scope="col" className={th}>
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {rows.map((t) =>
            isItemError(t) ? (
              <tr key={`#${t.index}`}>
                <td colSpan={5} className={td}>
                  <ItemProblem error={t} what="task" />
                </td>
              </tr>
            ) : (
              <tr key={t.upid}>
                <td className={`${td} whitespace-nowrap`}>
                  <Time epoch={t.starttime} />
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  {t.endtime === undefined ? (
                    <span className="text-neutral-600 dark:text-neutral-400">
                      running for {formatDuration(Math.max(0, now - t.starttime))}
                    </span>
                  ) : (
                    <>
                      <Time epoch={t.endtime} />
                      <span className="ml-1 text-xs text-neutral-600 dark:text-neutral-400">
                        ({formatDuration(t.endtime - t.starttime)})
                      </span>
                    </>
                  )}
                </td>
                <td className={`${td} break-all`}>
                  <FreeText text={t.user} />
                </td>
                <td className={`${td} break-words`}>
                  <TaskLogLink upid={t.upid}>
                    <FreeText text={describeTask(t.worker_type, t.worker_id)} />
                  </TaskLogLink>
                </td>
                <td className={td}>
                  <TaskStatusBadge status={t.endtime === undefined ? undefined : (t.status ?? 'unknown')} />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
