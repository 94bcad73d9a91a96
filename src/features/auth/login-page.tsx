import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { authQueries, type DemoLogin } from './api';
import { LoginForm } from './login-form';

// Only a deck that runs its simulator has demo accounts: a real deployment never loads their list.
const DemoLoginList = lazy(() => import('./demo-logins'));

/** Shown only when the deck runs its simulator: these accounts exist nowhere else. */
function DemoLogins({ onPick }: { onPick: (login: DemoLogin) => void }) {
  const { data } = useQuery(authQueries.deckConfig());
  if (data?.backend !== 'simulator' || !data.demoLogins?.length) return null;
  return (
    <Suspense fallback={null}>
      <DemoLoginList logins={data.demoLogins} onPick={onPick} />
    </Suspense>
  );
}

export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  return (
    <main className="flex min-h-dvh items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-sm rounded-lg border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-700 dark:bg-neutral-900">
        <h1 className="mb-1 text-xl font-semibold">PBS Deck</h1>
        <p className="mb-5 text-sm text-neutral-600 dark:text-neutral-400">
          Log in with your Proxmox Backup Server account.
        </p>
        <LoginForm onLoggedIn={onLoggedIn} footer={(fill) => <DemoLogins onPick={fill} />} />
      </div>
    </main>
  );
}
