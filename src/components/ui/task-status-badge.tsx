import { CircleAlert, CircleCheck, CircleHelp, LoaderCircle, TriangleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { describeTaskStatus, taskStatusKind, type TaskStatusKind } from '@/lib/task-status';

interface TaskStatusBadgeProps {
  /** a task's end state as PBS writes it (`OK`, `WARNINGS: n`, an error text); undefined while it runs */
  status: string | null | undefined;
  /** when the caller knows better than the text (a job whose last run is still going) */
  kind?: TaskStatusKind;
  /** the word before an error text: "Error" for a task, "Failed" for a job's last run */
  errorLabel?: string;
}

/** A task's or job run's state in words and an icon, never colour alone. */
export function TaskStatusBadge({ status, kind = taskStatusKind(status), errorLabel = 'Error' }: TaskStatusBadgeProps) {
  switch (kind) {
    case 'running':
      return (
        <Badge tone="info">
          <LoaderCircle aria-hidden className="size-3" /> Running
        </Badge>
      );
    case 'ok':
      return (
        <Badge tone="ok">
          <CircleCheck aria-hidden className="size-3" /> OK
        </Badge>
      );
    case 'warning':
      return (
        <Badge tone="warning">
          <TriangleAlert aria-hidden className="size-3" /> {describeTaskStatus(status)}
        </Badge>
      );
    case 'unknown':
      return (
        <Badge tone="neutral">
          <CircleHelp aria-hidden className="size-3" /> Unknown
        </Badge>
      );
    case 'error':
      return (
        <Badge tone="error" title={status ?? undefined} className="max-w-72">
          <CircleAlert aria-hidden className="size-3 shrink-0" />{' '}
          <span className="truncate">
            {errorLabel}: {status}
          </span>
        </Badge>
      );
  }
}
