import { CircleAlert, CircleCheck, LoaderCircle, TriangleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { describeTaskStatus, type TaskStatusKind } from '@/lib/task-status';

/** The result of a job's last run in words and an icon (never colour alone). */
export function JobResultBadge({ result, state }: { result: TaskStatusKind; state?: string }) {
  switch (result) {
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
          <TriangleAlert aria-hidden className="size-3" /> {describeTaskStatus(state)}
        </Badge>
      );
    case 'unknown':
      return <Badge tone="neutral">Unknown</Badge>;
    case 'error':
      return (
        <Badge tone="error" title={state} className="max-w-72">
          <CircleAlert aria-hidden className="size-3 shrink-0" /> <span className="truncate">Failed: {state}</span>
        </Badge>
      );
  }
}
