import type { Query, QueryCache, QueryClient, QueryKey } from '@tanstack/react-query';
import { z } from 'zod';
import type { JobKind } from './jobs';
import { datastoreKeys, groupKeys, jobKeys, namespaceKeys, pruneKeys, snapshotKeys, taskKeys } from './keys';
import type { Server } from './server';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The resources (query keys, prefixes included) the mutation changes on the server. */
      changes?: readonly QueryKey[];
    };
  }
}

/*
 * The one home of invalidation. A mutation names what it changes in `meta.changes` (the query
 * client's MutationCache reads it); a task that stops changed what its worker type works on, and
 * `watchStoppedTasks` maps one to the other. Nothing else invalidates.
 */

type Srv = Server | string;

/**
 * The resources a change touches, for `meta.changes` and the task map below. Keys are prefixes:
 * `snapshots` covers every snapshot list, notes and manifest of the server, whichever view shows them.
 */
export const changes = {
  /** Snapshots or groups went, came or changed: lists, counts and usage, prune previews and the prune jobs' figures. */
  content: (srv: Srv): QueryKey[] => [
    snapshotKeys.all(srv),
    groupKeys.all(srv),
    namespaceKeys.all(srv),
    datastoreKeys.status(srv),
    datastoreKeys.usage(srv),
    jobKeys.kind(srv, 'prune'),
    pruneKeys.all(srv),
  ],
  /** A new task: the task lists and the failure count. */
  tasks: (srv: Srv): QueryKey[] => [taskKeys.lists(srv)],
  /** A GC ran or its schedule changed: datastore status and usage, the GC status and job. */
  gc: (srv: Srv): QueryKey[] => [
    datastoreKeys.status(srv),
    datastoreKeys.usage(srv),
    datastoreKeys.gc(srv),
    jobKeys.kind(srv, 'gc'),
  ],
  /** A datastore's config (the GC schedule lives there): the config and the GC status that shows the schedule. */
  datastoreConfig: (srv: Srv): QueryKey[] => [
    datastoreKeys.config(srv),
    datastoreKeys.gc(srv),
    jobKeys.kind(srv, 'gc'),
  ],
  /** A job's config or its last run. */
  jobs: (srv: Srv, kind?: JobKind): QueryKey[] => [kind ? jobKeys.kind(srv, kind) : jobKeys.all(srv)],
};

/** What a finished task of each worker type changed, by PBS's worker type names. */
export function keysChangedByTask(srv: Srv, workerType: string): QueryKey[] {
  switch (workerType) {
    case 'garbage_collection':
      return changes.gc(srv);
    case 'verify':
    case 'verify_group':
    case 'verify_snapshot':
    case 'verificationjob':
      return [snapshotKeys.all(srv), groupKeys.all(srv), ...changes.jobs(srv, 'verify')];
    case 'prune':
    case 'prunejob':
    case 'forget':
    case 'forget_group':
    case 'backup':
      return changes.content(srv);
    case 'sync':
    case 'syncjob':
      return [...changes.content(srv), ...changes.jobs(srv, 'sync')];
    default:
      return [];
  }
}

const isTaskStatusKey = (key: QueryKey) => key[0] === 'srv' && key[2] === 'tasks' && key[3] === 'status';
const isTaskListKey = (key: QueryKey) => key[0] === 'srv' && key[2] === 'tasks' && key[3] === 'list';

/*
 * What the cache holds of a task list (readable rows beside the rows the server sent unreadable) and of a
 * task's status, read for the few fields that tell what a task changed. Not the API's schemas: this module is
 * part of the console's entry, and they are not.
 */
const listReplySchema = z.object({ data: z.array(z.unknown()) });
const listedTaskSchema = z.object({ upid: z.string(), worker_type: z.string(), endtime: z.number().optional() });
const taskStateSchema = z.object({ upid: z.string(), type: z.string(), status: z.string() });

/** The finished tasks of a task list reply, by UPID, with their worker type. */
function finishedTasks(data: unknown): Map<string, string> {
  const reply = listReplySchema.safeParse(data);
  const finished = new Map<string, string>();
  for (const row of reply.success ? reply.data.data : []) {
    const task = listedTaskSchema.safeParse(row);
    if (task.success && task.data.endtime !== undefined) finished.set(task.data.upid, task.data.worker_type);
  }
  return finished;
}

/**
 * Subscribes to the query cache: a task stops when its status query first reads `stopped`, or when a
 * task list read again shows it finished where the list's previous read did not (a scheduled job that
 * ended while a page was open). Then the task lists and whatever its worker type changed are read
 * again, once per task. Returns the unsubscribe function.
 */
export function watchStoppedTasks(queryCache: QueryCache, client: QueryClient): () => void {
  const handled = new Set<string>();
  const listed = new WeakMap<Query, Map<string, string>>();
  const stopped = (srv: string, upid: string, workerType: string) => {
    if (handled.has(upid)) return;
    handled.add(upid);
    for (const queryKey of [taskKeys.lists(srv), ...keysChangedByTask(srv, workerType)])
      void client.invalidateQueries({ queryKey });
  };
  return queryCache.subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const { query } = event;
    const srv = String(query.queryKey[1]);
    if (isTaskStatusKey(query.queryKey)) {
      const status = taskStateSchema.safeParse(query.state.data);
      if (status.success && status.data.status === 'stopped') stopped(srv, status.data.upid, status.data.type);
    } else if (isTaskListKey(query.queryKey)) {
      const before = listed.get(query);
      const now = finishedTasks(query.state.data);
      listed.set(query, now);
      if (!before) return;
      for (const [upid, workerType] of now) if (!before.has(upid)) stopped(srv, upid, workerType);
    }
  });
}
/** What a successful mutation changed, by its `meta.changes`. */
export function invalidateChanges(client: QueryClient, changes: readonly QueryKey[] | undefined): Promise<unknown> {
  return Promise.all((changes ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
}
