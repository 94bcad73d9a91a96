import { useQuery } from '@tanstack/react-query';
import { serverNow } from '@/api/client';
import { taskQueries } from './api';
import { failureSince, seenMark, unseenFailures } from './failures';
import { useFailuresSeen } from './failures-seen';

/** Failed job tasks `user` has not marked seen; the header and the dashboard share the one query. */
export function useUnseenFailures(user: string) {
  const [seen, markSeen] = useFailuresSeen(user);
  const query = useQuery({ ...taskQueries.failures(failureSince(seen, serverNow())), enabled: user !== '' });
  const failures = query.data ? unseenFailures(query.data, seen) : [];
  return {
    failures,
    isPending: query.isPending,
    error: query.data ? null : query.error,
    markAllSeen: () => {
      const mark = seenMark(failures, seen);
      if (mark !== null) markSeen(mark);
    },
  };
}
