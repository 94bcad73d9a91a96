import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { FailureList } from './failure-list';
import { useUnseenFailures } from './use-unseen-failures';

/** On the dashboard: the failed jobs the header counts, until the user marks them seen; nothing when there are none. */
export function FailedJobsCard({ user }: { user: string }) {
  const { failures, isPending, error, markAllSeen } = useUnseenFailures(user);
  if (isPending || (!error && failures.length === 0)) return null;
  return (
    <Card aria-labelledby="failed-jobs-title" className="border-red-300 dark:border-red-800">
      <CardHeader
        id="failed-jobs-title"
        title="Failed jobs"
        actions={
          failures.length > 0 ? (
            <Button size="sm" onClick={markAllSeen}>
              Mark all seen
            </Button>
          ) : null
        }
      />
      {error ? <ErrorState title="Cannot look for failed jobs" message={error.message} /> : null}
      {failures.length > 0 ? <FailureList failures={failures} /> : null}
    </Card>
  );
}
