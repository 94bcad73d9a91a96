import { CircleAlert, CircleCheck, LoaderCircle, TriangleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { taskStatusKind } from '@/lib/task-status';

/** Status of a task row in words and an icon; `undefined` while it still runs. */
export function TaskStatusBadge({ status }: { status: string | undefined }) {
  if (status === undefined) {
    return (
      <Badge tone="info">
        <LoaderCircle aria-hidden className="size-3" /> running
      </Badge>
    );
  }
  const kind = taskStatusKind(status);
  if (kind === 'ok') {
    return (
      <Badge tone="ok">
        <CircleCheck aria-hidden className="size-3" /> OK
      </Badge>
    );
  }
  if (kind === 'warning') {
    return (
      <Badge tone="warning">
        <TriangleAlert aria-hidden className="size-3" /> {status}
      </Badge>
    );
  }
  return (
    <Badge tone="error" title={status} className="max-w-60">
      <CircleAlert aria-hidden className="size-3 shrink-0" /> <span className="truncate">Error: {status}</span>
    </Badge>
  );
}
