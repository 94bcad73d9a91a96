import { useQueryClient } from '@tanstack/react-query';
import { accessKeys } from '@/api/queries/access';
import { defaultServer } from '@/api/queries/default-server';
import { Dialog } from '@/components/ui/dialog';
import { LoginForm } from '@/features/auth/login-form';

/** Opened by AuthGate when PBS stops accepting the ticket; the page below stays mounted. */
export function ReloginDialog({ userid }: { userid: string }) {
  const queryClient = useQueryClient();
  return (
    <Dialog title="Your session has ended" isOpen dismissable={false} role="alertdialog">
      <p className="mb-4 text-sm text-neutral-700 dark:text-neutral-300">
        Log in again to continue. This page and anything you typed stay as they are.
      </p>
      <LoginForm
        initialUserid={userid}
        onLoggedIn={() => {
          // Another user may have logged in: what they may do is read again.
          void queryClient.invalidateQueries({ queryKey: accessKeys.permissions(defaultServer) });
        }}
      />
    </Dialog>
  );
}
