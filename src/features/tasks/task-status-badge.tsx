import { CircleAlert, CircleCheck, CircleHelp, LoaderCircle, TriangleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { describeTaskStatus, taskStatusKind } from '@/lib/task-status';

/** A task's state in words and an icon; `status` undefined while it runs (as in PBS's task list). */
export function TaskStatusBadge({ status }: { status: string | undefined }) {
  const kind = taskStatusKind(status);
  const text = describeTaskStatus(status);
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
          <TriangleAlert aria-hidden className="size-3" /> {text}
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
        <Badge tone="error" title={text} className="max-w-72">
          <CircleAlert aria-hidden className="size-3 shrink-0" /> <span className="truncate">Error: {text}</span>
        </Badge>
      );
  }
}
