import {
  MutationCache,
  QueryCache,
  QueryClient,
  type DefaultError,
  type FetchQueryOptions,
  type QueryKey,
} from '@tanstack/react-query';
import { SchemaError } from '@/api/errors';
import { invalidateChanges, watchStoppedTasks } from '@/api/queries/invalidation';

const statusOf = (error: unknown) => (error instanceof Error ? (error as { status?: unknown }).status : undefined);

/**
 * Asking again will not help: a 4xx (permission, missing store, ended session, no Proxmox VE login) stays as it is,
 * a 504 means the deck already waited its whole timeout for the server, which its message names, and data the
 * console does not understand will not change by asking again.
 */
export function isFinalError(error: unknown): boolean {
  if (error instanceof SchemaError) return true;
  // PbsError and PveApiError (the latter not imported here: it stays out of the entry chunk) carry the status
  const status = statusOf(error);
  return typeof status === 'number' && ((status >= 400 && status < 500) || status === 504);
}

/** No answer at all (a dropped connection, the server or the network down), as opposed to an answer with an error. */
export function isUnreachable(error: unknown): boolean {
  // PbsError's status 0, or fetch's own TypeError where a caller did not wrap it
  return statusOf(error) === 0 || error instanceof TypeError;
}

/** Waits between the attempts of a failed read: 1 s, 2 s, 4 s … doubling up to 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(1000 * 2 ** failures, 30_000);
}

/**
 * A read a view shows keeps being asked again, for as long as the view shows it (TanStack Query stops the retries
 * when the last observer goes). A read asked for imperatively (`fetchQuery`: scans, downloads) has no view that
 * could end it, so it gives up after this many retries, its caller reporting the failure.
 */
const IMPERATIVE_RETRIES = 2;

const retryWhileShown = (_count: number, error: unknown) => !isFinalError(error);
const retryImperative = (count: number, error: unknown) => !isFinalError(error) && count < IMPERATIVE_RETRIES;

class ConsoleQueryClient extends QueryClient {
  constructor(
    config: ConstructorParameters<typeof QueryClient>[0],
    private readonly imperativeRetry: typeof retryImperative | false,
  ) {
    super(config);
  }

  override fetchQuery<
    TQueryFnData,
    TError = DefaultError,
    TData = TQueryFnData,
    TQueryKey extends QueryKey = QueryKey,
    TPageParam = never,
  >(options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey, TPageParam>): Promise<TData> {
    return super.fetchQuery({ retry: this.imperativeRetry, ...options });
  }
}

interface QueryClientOptions {
  /** Tests pass false: a failure must show at once. */
  retry?: boolean;
}

export function createQueryClient({ retry = true }: QueryClientOptions = {}): QueryClient {
  const queryCache = new QueryCache();
  const queryClient: QueryClient = new ConsoleQueryClient(
    {
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
          // While it retries, a query keeps the data it had: the view goes on showing it, and the shell says why
          // it may be old (app/layout/server-trouble-notice.tsx).
          retry: retry ? retryWhileShown : false,
          retryDelay,
        },
        // A write is sent once: PBS may have done it even when the answer got lost.
        mutations: { retry: false },
      },
    },
    retry ? retryImperative : false,
  );
  watchStoppedTasks(queryCache, queryClient);
  return queryClient;
}
