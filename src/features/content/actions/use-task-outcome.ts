import { useQuery } from '@tanstack/react-query';
import { contentActionQueries } from './actions-api';

export interface TaskOutcome {
  state: 'running' | 'ok' | 'failed';
  /** "Verification running…", "Verification finished OK", "Verification failed: <PBS's text>" */
  text: string;
  href: string;
}

/**
 * Follows a task this view started until it stops; then what the task wrote (a verify state) is read again
 * (api/queries/invalidation.ts), so it shows in the tree.
 */
export function useTaskOutcome(upid: string, what: string): TaskOutcome {
  const { data } = useQuery(contentActionQueries.taskStatus(upid));
  const stopped = data?.status === 'stopped';
  const exit = data?.exitstatus;
  const failed = stopped && exit !== 'OK' && !exit?.startsWith('WARNINGS');
  const state = !stopped ? 'running' : failed ? 'failed' : 'ok';
  const text = !stopped
    ? `${what} running…`
    : failed
      ? `${what} failed: ${exit ?? 'unknown'}`
      : `${what} finished ${exit}`;
  return { state, text, href: `/tasks/${encodeURIComponent(upid)}` };
}
