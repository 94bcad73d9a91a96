import { datastoreQueries } from '@/features/datastores/api';
import { contentQueries } from '@/features/content/api';
import { dropEarly } from '@/api/early';
import { clearTicketCookie, writeTicketCookie } from '@/api/cookie';
import { startEarly } from './early-start';
import { matchPage } from './pages';
import { appQueries } from './queries';

function stubServer() {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      urls.push(input);
      return new Response(JSON.stringify({ data: [] }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return urls;
}

// What a query function needs of TanStack's context here.
const ctx = () => ({ signal: new AbortController().signal }) as never;

afterEach(() => {
  dropEarly();
  clearTicketCookie();
  vi.unstubAllGlobals();
});

describe('matchPage', () => {
  it('finds the page and its parameters as the router does', () => {
    expect(matchPage('/datastores/store1/content')).toMatchObject({
      page: { path: 'datastores/:store/content' },
      params: { store: 'store1' },
    });
    expect(matchPage('/')?.page.path).toBe('');
    expect(matchPage('/tasks/UPID%3Apbs%3A1')?.params).toEqual({ upid: 'UPID:pbs:1' });
    expect(matchPage('/no/such/page')?.page.path).toBe('*');
  });
});

describe('startEarly', () => {
  it('starts the content view’s and the shell’s first lists on a reload, and the view then asks for nothing twice', async () => {
    const urls = stubServer();
    writeTicketCookie('PBS:root@pam:65F0A2B1::sig');
    startEarly('/datastores/store1/content', '?ns=prod/db', true);
    expect(urls).toEqual([
      '/api2/json/admin/datastore/store1/namespace?max-depth=7',
      '/api2/json/admin/datastore/store1/groups?ns=prod%2Fdb',
      '/api2/json/access/permissions?path=%2Fdatastore%2Fstore1%2Fprod%2Fdb',
      '/api2/json/access/permissions?path=%2Fsystem%2Ftasks',
      '/api2/json/admin/datastore',
      '/api2/json/version',
      '/api2/json/nodes/localhost/time',
    ]);
    // The queries the view and the shell run take those answers (whatever the stand-in said): no request
    // more reaches the server.
    const reads = [
      contentQueries.namespaces('store1'),
      contentQueries.groups('store1', 'prod/db'),
      appQueries.permissions('root@pam', '/datastore/store1/prod/db'),
      appQueries.permissions('root@pam', '/system/tasks'),
      datastoreQueries.list(),
      appQueries.version(),
      appQueries.nodeTime(),
    ];
    for (const q of reads) await Promise.resolve(q.queryFn!(ctx())).catch(() => undefined);
    expect(urls).toHaveLength(7);
  });

  it('starts nothing without a session, on the login page or for an invalid namespace', () => {
    const urls = stubServer();
    startEarly('/datastores/store1/content', '', true);
    expect(urls).toEqual([]);
    writeTicketCookie('PBS:root@pam:65F0A2B1::sig');
    startEarly('/login', '', true);
    expect(urls).toEqual([]);
    startEarly('/datastores/store1/content', '?ns=../x', true);
    expect(urls.filter((u) => u.includes('/store1/'))).toEqual([]);
    expect(urls).toContain('/api2/json/access/permissions?path=%2Fsystem%2Ftasks');
  });

  it('leaves the lists to the page where no server answers yet (the demo starts its simulator first)', () => {
    const urls = stubServer();
    writeTicketCookie('PBS:root@pam:65F0A2B1::sig');
    startEarly('/datastores/store1/content', '', false);
    expect(urls).toEqual([]);
  });
});
