import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { logout } from '@/api/auth';
import { cn } from '@/components/ui/cn';
import { ServerZoneContext } from '@/components/ui/server-zone';
import { useTaskLinksAsPanel, useTaskPanel } from '@/components/ui/task-log-link';
import { DatastoreNav } from '@/features/datastores/datastore-nav';
import { FailureIndicator } from '@/features/tasks/failure-indicator';
import { TaskPanel } from '@/features/tasks/task-panel';
import { appQueries } from '../queries';
import { useSession } from '../session';
import { useCan } from '../use-can';
import { Header } from './header';
import { ServerTroubleNotice } from './server-trouble-notice';

export function AppShell() {
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: nodeTime } = useQuery(appQueries.nodeTime());
  const [navOpenAt, setNavOpenAt] = useState<string | null>(null);
  // The phone menu closes by itself once the user has navigated somewhere.
  const navOpen = navOpenAt === location.key;
  // Links to /tasks/<upid> open the task as a panel over this page (see components/ui/task-log-link.tsx).
  const openTaskLinksAsPanel = useTaskLinksAsPanel();
  const taskPanel = useTaskPanel();
  const canStopTasks = useCan('/system/tasks', 'Sys.Modify');

  function onLogout() {
    logout();
    queryClient.clear();
    void navigate('/login', { replace: true });
  }

  return (
    <ServerZoneContext value={nodeTime?.timezone}>
      <div className="flex min-h-dvh flex-col" onClickCapture={openTaskLinksAsPanel}>
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <Header
          user={session?.username ?? ''}
          onLogout={onLogout}
          navOpen={navOpen}
          onToggleNav={() => setNavOpenAt(navOpen ? null : location.key)}
          failures={<FailureIndicator user={session?.username ?? ''} />}
        />
        <div className="flex flex-1">
          <aside
            id="main-nav"
            className={cn(
              'w-56 shrink-0 border-r border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900',
              'max-md:fixed max-md:inset-x-0 max-md:top-12 max-md:bottom-0 max-md:z-20 max-md:w-full max-md:overflow-y-auto',
              !navOpen && 'max-md:hidden',
            )}
          >
            <DatastoreNav />
          </aside>
          {/* Hidden, not unmounted, under the phone menu: what the page holds survives. */}
          <main id="main" className={cn('min-w-0 flex-1 p-4 md:p-6', navOpen && 'max-md:hidden')}>
            <ServerTroubleNotice />
            <Outlet />
          </main>
        </div>
        {taskPanel.upid ? (
          <TaskPanel
            upid={taskPanel.upid}
            user={session?.username ?? ''}
            canStopAny={canStopTasks}
            onClose={taskPanel.close}
          />
        ) : null}
      </div>
    </ServerZoneContext>
  );
}
