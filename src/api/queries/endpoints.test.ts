import { QueryClient, type QueryFunctionContext, type QueryKey } from '@tanstack/react-query';
import { setFetch } from '@/api/client';
import * as access from './access';
import * as datastores from './datastores';
import * as deck from './deck';
import { defaultServer } from './default-server';
import * as groups from './groups';
import * as jobs from './jobs';
import * as namespaces from './namespaces';
import * as node from './node';
import * as prune from './prune';
import * as pve from './pve';
import * as snapshots from './snapshots';
import * as tasks from './tasks';

/*
 * One factory per endpoint (DESIGN.md): every factory's queryFn runs against a fetch that records the
 * path it was asked for and fails, and no two factories may ask for the same path. The table names
 * every factory of src/api/queries, so a new one without a row fails too.
 */

interface Options {
  queryKey: QueryKey;
  queryFn?: unknown;
}

const srv = defaultServer;
const snap = { store: 'store1', ns: 'a', type: 'vm' as const, id: '100', time: 1_700_000_000 };
const UPID = 'UPID:localhost:00000001:00000002:00000003:65F0A2B1:garbage_collection:store1:root@pam:';

const factories: Record<string, () => Options> = {
  'accessQueries.domains': () => access.accessQueries.domains(srv),
  'accessQueries.permissions': () => access.accessQueries.permissions(srv, 'root@pam'),
  'datastoreQueries.list': () => datastores.datastoreQueries.list(srv),
  'datastoreQueries.status': () => datastores.datastoreQueries.status(srv, 'store1'),
  'datastoreQueries.usage': () => datastores.datastoreQueries.usage(srv),
  'datastoreQueries.rrd': () => datastores.datastoreQueries.rrd(srv, 'store1', 'day', 'AVERAGE'),
  'datastoreQueries.config': () => datastores.datastoreQueries.config(srv, 'store1'),
  'datastoreQueries.gcStatus': () => datastores.datastoreQueries.gcStatus(srv, 'store1'),
  'deckQueries.config': () => deck.deckQueries.config(srv),
  'groupQueries.list': () => groups.groupQueries.list(srv, 'store1', 'a'),
  'groupQueries.notes': () => groups.groupQueries.notes(srv, snap),
  'jobQueries.gc': () => jobs.jobQueries.gc(srv),
  'jobQueries.verify': () => jobs.jobQueries.verify(srv),
  'jobQueries.prune': () => jobs.jobQueries.prune(srv),
  'jobQueries.sync': () => jobs.jobQueries.sync(srv),
  'jobConfigQueries.verify': () => jobs.jobConfigQueries.verify(srv, 'v1'),
  'jobConfigQueries.prune': () => jobs.jobConfigQueries.prune(srv, 'p1'),
  'namespaceQueries.list': () => namespaces.namespaceQueries.list(srv, 'store1'),
  'nodeQueries.version': () => node.nodeQueries.version(srv),
  'nodeQueries.time': () => node.nodeQueries.time(srv),
  'nodeQueries.status': () => node.nodeQueries.status(srv),
  'nodeQueries.subscription': () => node.nodeQueries.subscription(srv),
  'pruneQueries.dryRun': () => prune.pruneQueries.dryRun(srv, snap, { 'keep-last': 1 }),
  'pveQueries.session': () => pve.pveQueries.session(),
  'pveQueries.domains': () => pve.pveQueries.domains(),
  'pveQueries.node': () => pve.pveQueries.node(null, 'local'),
  'pveQueries.targets': () => pve.pveQueries.targets('pve1', 'vm'),
  'pveQueries.backups': () => pve.pveQueries.backups('pve1', 'local', '100'),
  'pveQueries.nextId': () => pve.pveQueries.nextId(),
  'pveQueries.guests': () => pve.pveQueries.guests(),
  'pveQueries.taskStatus': () => pve.pveQueries.taskStatus('pve1', 'UPID:pve1:1'),
  'pveQueries.taskLog': () => pve.pveQueries.taskLog('pve1', 'UPID:pve1:1', true),
  'snapshotQueries.list': () => snapshots.snapshotQueries.list(srv, { store: 'store1', ns: 'a' }),
  'snapshotFileQueries.notes': () => snapshots.snapshotFileQueries.notes(srv, snap),
  'snapshotFileQueries.manifest': () => snapshots.snapshotFileQueries.manifest(srv, snap),
  'catalogQueries.dir': () => snapshots.catalogQueries.dir(srv, { ...snap, archive: 'root.pxar.didx' }, '/'),
  'taskQueries.list': () => tasks.taskQueries.list(srv, { limit: 10 }),
  'taskQueries.status': () => tasks.taskQueries.status(srv, UPID),
  'taskQueries.log': () => tasks.taskQueries.log(srv, UPID),
};

/** Every `…Queries` object exported by the query layer, by `name.factory`. */
function declaredFactories(): string[] {
  const modules = [access, datastores, deck, groups, jobs, namespaces, node, prune, pve, snapshots, tasks];
  return modules.flatMap((m) =>
    Object.entries(m)
      .filter(([name, value]) => name.endsWith('Queries') && typeof value === 'object' && value !== null)
      .flatMap(([name, value]) => Object.keys(value as object).map((key) => `${name}.${key}`)),
  );
}

/** The path (no query string, no API base) the factory's queryFn asks for first. */
async function requestedPath(options: Options, requests: string[]): Promise<string> {
  const before = requests.length;
  const context = {
    queryKey: options.queryKey,
    signal: new AbortController().signal,
    client: new QueryClient(),
    meta: undefined,
  };
  const queryFn = options.queryFn as (context: QueryFunctionContext) => unknown;
  await Promise.resolve()
    .then(() => queryFn(context as QueryFunctionContext))
    .catch(() => undefined);
  const url = requests[before];
  if (url === undefined) throw new Error('no request');
  // PVE's paths keep their mount: PVE and PBS both have /access/domains
  return new URL(url, 'http://deck.test').pathname.replace(/^\/api2\/json/, '');
}

describe('the query layer', () => {
  const requests: string[] = [];
  const record = (input: string | URL | Request) => {
    requests.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return Promise.reject(new TypeError('recorded'));
  };

  beforeEach(() => {
    requests.length = 0;
    vi.stubGlobal('fetch', record);
    setFetch(record);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setFetch(null);
  });

  it('lists every factory it declares', () => {
    expect(Object.keys(factories).sort()).toEqual(declaredFactories().sort());
  });

  it('asks for each endpoint from one factory only', async () => {
    const byPath = new Map<string, string[]>();
    for (const [name, make] of Object.entries(factories)) {
      const path = await requestedPath(make(), requests);
      byPath.set(path, [...(byPath.get(path) ?? []), name]);
    }
    const shared = [...byPath]
      .filter(([, names]) => names.length > 1)
      .map(([path, names]) => `${path}: ${names.join(', ')}`);
    expect(shared).toEqual([]);
    // the recording saw a request from every factory
    expect([...byPath.values()].flat()).toHaveLength(Object.keys(factories).length);
  });

  it('leads every PBS key with the server', () => {
    for (const [name, make] of Object.entries(factories)) {
      const key = make().queryKey;
      if (name.startsWith('pveQueries.')) expect(key[0], name).toBe('pve');
      else expect(key.slice(0, 2), name).toEqual(['srv', 'default']);
    }
  });
});
