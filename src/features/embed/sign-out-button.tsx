import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { embedLogout } from './embed-login-request';

/** Ends this browser's embed session (the deck drops its cookie; nothing changes in PBS). */
export function SignOutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-baseline gap-2">
      {error ? (
        <span role="alert" className="text-red-800 dark:text-red-300">
          {error}
        </span>
      ) : null}
      <Button
        variant="ghost"
        size="sm"
        onClick={() => {
          setError(null);
          embedLogout().then(onSignedOut, (e: unknown) => setError(e instanceof Error ? e.message : 'sign out failed'));
        }}
      >
        Sign out
      </Button>
    </span>
  );
}
