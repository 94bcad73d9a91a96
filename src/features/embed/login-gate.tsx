import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isDeckKey } from '@/api/queries/deck';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { embedQueries } from './api';
import { isLoginNeeded } from './embed-fetch';
import { HttpsNeeded } from './https-needed';
import { EmbedLoginForm } from './login-form';
import { SignOutButton } from './sign-out-button';

/*
 * Without EMBED_TOKEN on the deck the views read PBS with a login made in the frame. Any read that
 * the deck answers with "log in" puts the login form in place of the view; after the login every
 * read starts afresh. With a token none of this shows.
 */
export function LoginGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const config = useQuery(embedQueries.config());
  const [needed, setNeeded] = useState(() =>
    client
      .getQueryCache()
      .getAll()
      .some((q) => isLoginNeeded(q.state.error)),
  );

  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && isLoginNeeded(event.query.state.error)) setNeeded(true);
      }),
    [client],
  );

  const restart = useCallback(
    (login: boolean) => {
      // The views are unmounted while the form shows, so their queries go and load again on return.
      setNeeded(login);
      client.removeQueries({ predicate: (q) => !isDeckKey(q.queryKey) });
    },
    [client],
  );

  if (needed) {
    if (config.isPending) return <Skeleton className="h-24" label="Loading…" />;
    return config.data?.secure === false ? <HttpsNeeded /> : <EmbedLoginForm onLoggedIn={() => restart(false)} />;
  }
  return (
    <>
      {children}
      {config.data?.auth === 'login' ? (
        <div className="flex justify-end text-xs">
          <SignOutButton onSignedOut={() => restart(true)} />
        </div>
      ) : null}
    </>
  );
}
