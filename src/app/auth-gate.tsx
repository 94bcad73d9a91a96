import { onlineManager, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { startRenewal, stopRenewal } from '@/api/auth';
import { useSession } from './session';

const ReloginDialog = lazy(() => import('./relogin-dialog').then((m) => ({ default: m.ReloginDialog })));

/**
 * Without a session the user goes to the login page, which brings them back afterwards. When a
 * session ends under a page, the page stays (forms keep what was typed) and a login dialog opens
 * over it; queries pause meanwhile instead of failing, and resume after the login.
 */
export function AuthGate() {
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  const ended = session?.state === 'ended';

  useEffect(() => {
    if (!session || ended) return;
    startRenewal();
    return () => stopRenewal();
  }, [session, ended]);

  useEffect(() => {
    if (!ended) return;
    onlineManager.setOnline(false);
    return () => {
      onlineManager.setOnline(true);
      void queryClient.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' });
    };
  }, [ended, queryClient]);

  if (!session) return <Navigate to="/login" replace state={{ from: location }} />;
  return (
    <>
      <Outlet />
      {ended ? (
        <Suspense fallback={null}>
          <ReloginDialog userid={session.username} />
        </Suspense>
      ) : null}
    </>
  );
}
