import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { gcJobListSchema } from '@/api/schemas/gc';
import { pruneJobStatusListSchema, syncJobStatusListSchema } from '@/api/schemas/jobs';
import { verifyJobStatusListSchema } from '@/api/schemas/verify';
import { apiPath } from '@/api/path';
import { verifyJobConfigSchema } from '@/api/schemas/config';
import { pruneJobConfigSchema } from '@/api/schemas/prune';
import { splitItems, type ItemError } from '@/lib/item-error';
import type { Server } from './server';
import { jobKeys } from './keys';
export { jobKeys } from './keys';

export type JobKind = 'gc' | 'verify' | 'prune' | 'sync';

interface ScheduleStatusLike {
  'last-run-upid'?: string;
  'last-run-state'?: string;
}

/**
 * A list PBS refuses (403) or does not have (404, an older server) is unavailable, not a failed read.
 * `failed`: the jobs the server sent that cannot be read, each naming its field; the others are in `jobs`.
 */
export type JobListResult<T> =
  { available: true; jobs: T[]; failed: ItemError[]; digest?: string } | { available: false; reason: string };

/** The HTTP status of a failed read, whichever transport made it (both errors carry `status`). */
function errorStatus(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
    ? error.status
    : undefined;
}

type JobList<T extends ScheduleStatusLike> = z.ZodType<(T | ItemError)[]>;

async function readList<T extends ScheduleStatusLike>(
  srv: Server,
  path: string,
  schema: JobList<T>,
  store: string | undefined,
  signal: AbortSignal,
): Promise<JobListResult<T>> {
  try {
    const { data, digest } = await srv.get(path, schema, store ? { store } : undefined, signal);
    const { items, failed } = splitItems(data);
    return { available: true, jobs: items, failed, ...(digest !== undefined && { digest }) };
  } catch (e) {
    const status = errorStatus(e);
    if ((status === 403 || status === 404) && e instanceof Error) return { available: false, reason: e.message };
    throw e;
  }
}

/** The readable jobs of a list, or the refusal as an error, for views that show no "unavailable" state. */
export function jobsOrThrow<T>(result: JobListResult<T>): T[] {
  if (!result.available) throw new Error(result.reason);
  return result.jobs;
}

function listQuery<T extends ScheduleStatusLike>(
  srv: Server,
  kind: JobKind,
  path: string,
  schema: JobList<T>,
  store: string | undefined,
) {
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- path and schema follow from kind
  return queryOptions({
    queryKey: [...jobKeys.kind(srv, kind), { store: store ?? null }],
    queryFn: ({ signal }) => readList(srv, path, schema, store, signal),
  });
}

/** The job lists with their schedule state: GET /admin/{gc,verify,prune,sync}, all stores or one. */
export const jobQueries = {
  gc: (srv: Server, store?: string) => listQuery(srv, 'gc', '/admin/gc', gcJobListSchema, store),
  verify: (srv: Server, store?: string) => listQuery(srv, 'verify', '/admin/verify', verifyJobStatusListSchema, store),
  prune: (srv: Server, store?: string) => listQuery(srv, 'prune', '/admin/prune', pruneJobStatusListSchema, store),
  sync: (srv: Server, store?: string) => listQuery(srv, 'sync', '/admin/sync', syncJobStatusListSchema, store),
};

/** One job's config with the `digest` an edit must send back. */
export const jobConfigQueries = {
  verify: (srv: Server, id: string) =>
    queryOptions({
      queryKey: [...jobKeys.kind(srv, 'verify'), 'config', id],
      queryFn: async ({ signal }) => {
        const { data, digest } = await srv.get(apiPath`/config/verify/${id}`, verifyJobConfigSchema, undefined, signal);
        return { config: data, digest };
      },
    }),
  prune: (srv: Server, id: string) =>
    queryOptions({
      queryKey: [...jobKeys.kind(srv, 'prune'), 'config', id],
      queryFn: ({ signal }) => srv.get(apiPath`/config/prune/${id}`, pruneJobConfigSchema, undefined, signal),
    }),
};
