import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { invalidateChanges, watchStoppedTasks } from '@/api/queries/invalidation';

/**
 * Asking again will not help: a 4xx (permission, missing store, ended session, no Proxmox VE login) stays as it is,
 * and a 504 means the deck already waited its whole timeout for the server, which its message names.
 */
export function isFinalError(error: unknown): boolean {
  // PbsError and PveApiError (the latter not imported here: it stays out of the entry chunk) carry the status
  const status = error instanceof Error ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && ((status >= 400 && status < 500) || status === 504);
}

interface QueryClientOptions {
  /** Tests pass false: a failure must show at once. */
  retry?: boolean;
}

export function createQueryClient({ retry = true }: QueryClientOptions = {}): QueryClient {
  const queryCache = new QueryCache();
  const queryClient: QueryClient = new QueryClient({
    queryCache,
    mutationCache: new MutationCache({
      // Mutations name what they change (meta.changes); see api/queries/invalidation.ts.
      onSuccess: (_data, _variables, _context, mutation) => invalidateChanges(queryClient, mutation.meta?.changes),
    }),
    defaultOptions: {
      queries: {
        // PBS data moves slowly; views that need fresher data poll explicitly.
        staleTime: 20_000,
        refetchIntervalInBackground: false,
        refetchOnWindowFocus: false,
        retry: retry ? (count, error) => !isFinalError(error) && count < 2 : false,
      },
      mutations: { retry: false },
    },
  });
  watchStoppedTasks(queryCache, queryClient);
  return queryClient;
}
