import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { PbsError } from '@/api/client';
import { invalidateChanges, watchStoppedTasks } from '@/api/queries/invalidation';

function isClientError(error: unknown): boolean {
  return error instanceof PbsError && error.status >= 400 && error.status < 500;
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
        // A 4xx (permission, missing store, ended session) will not change by asking again.
        retry: retry ? (count, error) => !isClientError(error) && count < 2 : false,
      },
      mutations: { retry: false },
    },
  });
  watchStoppedTasks(queryCache, queryClient);
  return queryClient;
}
