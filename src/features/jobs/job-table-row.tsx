import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { FreeText } from '@/components/ui/free-text';
import { Time } from '@/components/ui/time';
import { formatDuration } from '@/lib/format-time';
import { TaskStatusBadge } from '@/components/ui/task-status-badge';
import { KIND_LABEL, rowName, type JobRow } from './job-rows';
import { ScheduleText } from './schedule-text';

// On phones each row becomes a card: the cells stack, each with its column's name before it.
const cell =
  'px-2 py-2 align-top max-md:flex max-md:flex-wrap max-md:justify-between max-md:gap-x-3 max-md:px-0 max-md:py-0.5 max-md:before:font-medium max-md:before:text-neutral-600 max-md:before:content-[attr(data-label)] dark:max-md:before:text-neutral-400';

interface JobTableRowProps {
  row: JobRow;
  /** Run now, if the user may. */
  run: ReactNode;
  /** Edit, remove and further actions the route composes for this kind. */
  actions: ReactNode;
}

export function JobTableRow({ row, run, actions }: JobTableRowProps) {
  const name = rowName(row);
  const duration = row.lastStart !== undefined && row.lastEnd !== undefined ? row.lastEnd - row.lastStart : undefined;
  return (
    <tr
      aria-label={name}
      className="border-t border-neutral-200 dark:border-neutral-800 max-md:block max-md:rounded-lg max-md:border max-md:bg-white max-md:p-3 dark:max-md:bg-neutral-900"
    >
      <td data-label="Job" className={cell}>
        <span className="flex flex-col max-md:items-end">
          <span className="font-medium">{KIND_LABEL[row.kind]}</span>
          {row.kind !== 'gc' ? (
            <span className="font-mono text-xs break-all">
              <FreeText text={row.id} max={200} />
            </span>
          ) : null}
          {row.source ? (
            <span className="text-xs text-neutral-600 dark:text-neutral-400">from {row.source}</span>
          ) : null}
          {row.comment ? (
            <span className="text-xs break-words text-neutral-600 dark:text-neutral-400">
              <FreeText text={row.comment} />
            </span>
          ) : null}
        </span>
      </td>
      <td data-label="Datastore" className={cell}>
        {row.store}
      </td>
      <td data-label="Namespace" className={cell}>
        {row.ns || <span className="text-neutral-600 dark:text-neutral-400">Root</span>}
      </td>
      <td data-label="Schedule" className={cell}>
        <ScheduleText schedule={row.schedule} />
      </td>
      <td data-label="Next run" className={cell}>
        {row.disabled ? (
          <Badge>Disabled</Badge>
        ) : row.nextRun !== undefined ? (
          <span className="inline-flex flex-wrap items-center gap-1">
            <Time epoch={row.nextRun} />
            {row.overdue ? <Badge tone="warning">Overdue</Badge> : null}
          </span>
        ) : (
          <span className="text-neutral-600 dark:text-neutral-400">–</span>
        )}
      </td>
      <td data-label="Last run" className={cell}>
        {row.result === null ? (
          <span className="text-neutral-600 dark:text-neutral-400">Never ran</span>
        ) : (
          <span className="flex flex-col items-start gap-0.5 max-md:items-end">
            <TaskStatusBadge kind={row.result} status={row.lastState} errorLabel="Failed" />
            {row.lastEnd !== undefined ? <Time epoch={row.lastEnd} /> : null}
            {duration !== undefined ? <span className="text-xs">took {formatDuration(duration)}</span> : null}
          </span>
        )}
      </td>
      <td data-label="Actions" className={cell}>
        <span className="flex flex-wrap items-center gap-1">
          {run}
          {actions}
          {row.lastUpid ? (
            <Link
              to={`/tasks/${encodeURIComponent(row.lastUpid)}`}
              aria-label={`Log of the last run of ${name}`}
              className="text-xs"
            >
              Show log
            </Link>
          ) : null}
        </span>
      </td>
    </tr>
  );
}
