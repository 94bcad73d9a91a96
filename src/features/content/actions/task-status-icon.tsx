import { CircleCheck, CircleX, LoaderCircle } from 'lucide-react';
import { Link } from 'react-router';
import { useTaskOutcome } from './use-task-outcome';

/**
 * The same as TaskStatusLink for a tree row, which has room for an icon only: the state is announced and shown
 * on hover, the icon is the link to the log.
 */
export function TaskStatusIcon({ upid, what }: { upid: string; what: string }) {
  const outcome = useTaskOutcome(upid, what);
  const Icon = outcome.state === 'running' ? LoaderCircle : outcome.state === 'failed' ? CircleX : CircleCheck;
  const tone =
    outcome.state === 'failed'
      ? 'text-red-700 dark:text-red-300'
      : outcome.state === 'ok'
        ? 'text-green-700 dark:text-green-300'
        : '';
  return (
    <span className="inline-flex items-center">
      <span role="status" className="sr-only">
        {outcome.text}
      </span>
      <Link
        to={outcome.href}
        aria-label={`${what} task log`}
        title={outcome.text}
        className="inline-flex size-7 items-center justify-center rounded-md outline-none hover:bg-neutral-100 focus-visible:ring-2 focus-visible:ring-accent-600 dark:hover:bg-neutral-800"
      >
        <Icon aria-hidden className={`size-4 ${tone} ${outcome.state === 'running' ? 'animate-spin' : ''}`} />
      </Link>
    </span>
  );
}
