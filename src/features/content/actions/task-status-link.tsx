import { Link } from 'react-router';
import { useTaskOutcome } from './use-task-outcome';

interface TaskStatusLinkProps {
  upid: string;
  /** "Verification", used in the text and the link's name */
  what: string;
}

/** A task this view started, in words: its state while it runs and how it ended, with its log one click away. */
export function TaskStatusLink({ upid, what }: TaskStatusLinkProps) {
  const outcome = useTaskOutcome(upid, what);
  return (
    <p role="status" className="text-xs text-neutral-700 dark:text-neutral-300">
      <span className={outcome.state === 'failed' ? 'text-red-700 dark:text-red-300' : undefined}>{outcome.text}</span>{' '}
      <Link to={outcome.href} className="text-accent-700 underline dark:text-accent-300">
        {what} task log
      </Link>
    </p>
  );
}
