import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { EmbedError } from './embed-fetch';
import type { SummariesState } from './use-store-summaries';

function explain(error: Error): string {
  if (error instanceof EmbedError && error.status === 404 && error.message.includes('EMBED_TOKEN')) {
    return 'This deck has no read-only token for embedded views. Its administrator sets EMBED_TOKEN (see the deployment guide).';
  }
  return error.message;
}

/** Loading and failure of the tiles' data; `children` renders once it is there. */
export function SummariesGate({
  state,
  children,
}: {
  state: SummariesState;
  children: (ready: Extract<SummariesState, { kind: 'ready' }>) => ReactNode;
}) {
  if (state.kind === 'loading') return <Skeleton className="h-24" label="Loading datastores…" />;
  if (state.kind === 'error') {
    return (
      <ErrorState
        title="Cannot read the backup server"
        message={explain(state.error)}
        action={
          <Button size="sm" onClick={state.retry}>
            Try again
          </Button>
        }
      />
    );
  }
  return (
    <>
      {state.stale ? (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          Figures not refreshed: {state.stale.message}
        </p>
      ) : null}
      {children(state)}
    </>
  );
}
