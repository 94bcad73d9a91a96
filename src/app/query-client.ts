import { MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { PbsError } from '@/api/client';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Extra query keys to invalidate after success, beyond the mutation's own key. */
      invalidates?: QueryKey[];
    };
  }
}

function isClientError(error: unknown): boolean {
  return error instanceof PbsError && error.status >= 400 && error.status < 500;
}

interface QueryClientOptions {
  /** Tests pass false: a failure must show at once. */
  retry?: boolean;
}

export function createQueryClient({ retry = true }: QueryClientOptions = {}): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: async (_data, _variables, _context, mutation) => {
        const keys: QueryKey[] = [];
        if (mutation.options.mutationKey) keys.push(mutation.options.mutationKey);
        keys.push(...(mutation.meta?.invalidates ?? []));
        await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      },
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
  return queryClient;
}
