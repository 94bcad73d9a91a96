import { ErrorBoundary } from '@/components/ui/error-boundary';
import { widgetFallback } from '@/components/ui/widget-fallback';
import { DashboardPage } from '@/features/dashboard/dashboard-page';
import { FailedJobsCard } from '@/features/tasks/failed-jobs-card';
import { useSession } from '../session';

export default function DashboardRoute() {
  const user = useSession()?.username ?? '';
  return (
    <DashboardPage
      failedJobs={
        <ErrorBoundary fallback={widgetFallback('the failed jobs')}>
          <FailedJobsCard user={user} />
        </ErrorBoundary>
      }
    />
  );
}
