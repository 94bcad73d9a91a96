import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import type { TaskStatus } from '@/api/schemas/tasks';
import { datastoreQueries } from './datastores';
import { defaultServer } from './default-server';
import { groupQueries } from './groups';
import { changes, invalidateChanges, watchStoppedTasks } from './invalidation';
import { jobQueries } from './jobs';
import { namespaceQueries } from './namespaces';
import { nodeQueries } from './node';
import { snapshotQueries } from './snapshots';
import { taskQueries } from './tasks';

/*
 * The one home of invalidation: which cached resources a change or a stopped task marks stale. The
 * queries here never run (no observer); the cache is filled by hand and read back with isInvalidated.
 */

const srv = defaultServer;
const UPID = (type: string) => `UPID:localhost:00000001:00000002:00000003:65F0A2B1:${type}:store1:root@pam:`;

function setup() {
  const queryCache = new QueryCache();
  const client: QueryClient = new QueryClient({
    queryCache,
    mutationCache: new MutationCache({
      onSuccess: (_d, _v, _c, mutation) => invalidateChanges(client, mutation.meta?.changes),
    }),
  });
  watchStoppedTasks(queryCache, client);
  return client;
}

/** Every resource a view may show, by a name for the assertions. */
const views: Record<string, QueryKey> = {
  'datastore list': datastoreQueries.list(srv).queryKey,
  'datastore status': datastoreQueries.status(srv, 'store1').queryKey,
  'datastore usage': datastoreQueries.usage(srv).queryKey,
  'GC status': datastoreQueries.gcStatus(srv, 'store1').queryKey,
  namespaces: namespaceQueries.list(srv, 'store1').queryKey,
  groups: groupQueries.list(srv, 'store1', '').queryKey,
  snapshots: snapshotQueries.list(srv, { store: 'store1', ns: '' }).queryKey,
  'GC jobs': jobQueries.gc(srv).queryKey,
  'verify jobs': jobQueries.verify(srv).queryKey,
  'prune jobs': jobQueries.prune(srv).queryKey,
  'sync jobs': jobQueries.sync(srv).queryKey,
  'task list': taskQueries.list(srv, { limit: 50 }).queryKey,
  'node status': nodeQueries.status(srv).queryKey,
};

function fill(client: QueryClient) {
  for (const key of Object.values(views)) client.setQueryData(key, []);
}

const stale = (client: QueryClient) =>
  Object.entries(views)
    .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name)
    .sort();

function stop(client: QueryClient, type: string, status: TaskStatus['status'] = 'stopped') {
  const upid = UPID(type);
  const data: TaskStatus = {
    upid,
    node: 'localhost',
    pid: 1,
    pstart: 2,
    starttime: 3,
    type,
    id: 'store1',
    user: 'root@pam',
    status,
  };
  client.setQueryData(taskQueries.status(srv, upid).queryKey, data);
}

describe('invalidation', () => {
  it('refreshes what shows snapshots after a forget: the guests (groups, snapshots) and the dashboard counts and usage', async () => {
    const client = setup();
    fill(client);
    await client
      .getMutationCache()
      .build(client, { mutationFn: async () => null, meta: { changes: changes.content(srv) } })
      .execute(undefined);
    expect(stale(client)).toEqual(
      ['datastore status', 'datastore usage', 'groups', 'namespaces', 'prune jobs', 'snapshots'].sort(),
    );
  });

  it('maps a task that stops, by worker type, to what it changed', () => {
    const expected: Record<string, string[]> = {
      garbage_collection: ['datastore status', 'datastore usage', 'GC status', 'GC jobs'],
      verificationjob: ['groups', 'snapshots', 'verify jobs'],
      verify_snapshot: ['groups', 'snapshots', 'verify jobs'],
      prunejob: ['datastore status', 'datastore usage', 'groups', 'namespaces', 'prune jobs', 'snapshots'],
      backup: ['datastore status', 'datastore usage', 'groups', 'namespaces', 'prune jobs', 'snapshots'],
      syncjob: ['datastore status', 'datastore usage', 'groups', 'namespaces', 'prune jobs', 'snapshots', 'sync jobs'],
      reader: [],
    };
    for (const [type, names] of Object.entries(expected)) {
      const client = setup();
      fill(client);
      stop(client, type, 'running');
      expect(stale(client), `${type} running`).toEqual([]);
      stop(client, type);
      // every stopped task also changes the task lists
      expect(stale(client), type).toEqual([...names, 'task list'].sort());
    }
  });

  it('takes a task that a task list shows finished on a later read as stopped, not on the first read', () => {
    const client = setup();
    fill(client);
    const list = taskQueries.list(srv, { typefilter: 'garbage_collection' }).queryKey;
    const task = (endtime?: number) => ({
      upid: UPID('garbage_collection'),
      node: 'localhost',
      pid: 1,
      pstart: 2,
      starttime: 3,
      worker_type: 'garbage_collection',
      worker_id: 'store1',
      user: 'root@pam',
      ...(endtime !== undefined && { endtime, status: 'OK' }),
    });
    client.setQueryData(list, { data: [{ ...task(9), upid: UPID('backup'), worker_type: 'backup' }, task()] });
    expect(stale(client)).toEqual([]);
    client.setQueryData(list, { data: [{ ...task(9), upid: UPID('backup'), worker_type: 'backup' }, task(10)] });
    expect(stale(client)).toEqual(['datastore status', 'datastore usage', 'GC status', 'GC jobs', 'task list'].sort());
  });
});
