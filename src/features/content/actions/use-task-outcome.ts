import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { contentActionQueries } from './actions-api';

export interface TaskOutcome {
  state: 'running' | 'ok' | 'failed';
  /** "Verification running…", "Verification finished OK", "Verification failed: <PBS's text>" */
  text: string;
  href: string;
}

/**
 * Follows a task this view started until it stops; then content queries refresh, so what the task wrote (a
 * verify state) shows in the tree.
 */
export function useTaskOutcome(upid: string, what: string): TaskOutcome {
  const { data } = useQuery(contentActionQueries.taskStatus(upid));
  const queryClient = useQueryClient();
  const stopped = data?.status === 'stopped';
  useEffect(() => {
    if (stopped) void queryClient.invalidateQueries({ queryKey: ['content'] });
  }, [stopped, queryClient]);
  const exit = data?.exitstatus;
  const failed = stopped && exit !== 'OK' && !exit?.startsWith('WARNINGS');
  const state = !stopped ? 'running' : failed ? 'failed' : 'ok';
  const text = !stopped ? `${what} running…` : failed ? `${what} failed: ${exit ?? 'unknown'}` : `${what} finished ${exit}`;
  return { state, text, href: `/tasks/${encodeURIComponent(upid)}` };
}
