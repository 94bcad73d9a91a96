import { z } from 'zod';
import { apiGet } from './client';
import { dropEarly, startEarlyGet } from './early';

// A server stand-in that counts what reaches it.
function stubServer(body: (url: string) => unknown) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      urls.push(input);
      return new Response(JSON.stringify(body(input)), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return urls;
}

const groups = z.array(z.object({ 'backup-id': z.string() }));

afterEach(() => {
  dropEarly();
  vi.unstubAllGlobals();
});

describe('early requests', () => {
  it('answers the client from the request a reload started, without asking PBS again', async () => {
    const urls = stubServer(() => ({ data: [{ 'backup-id': '101' }] }));
    startEarlyGet({ path: '/admin/datastore/store1/groups', params: { ns: 'a/b' } });
    expect(urls).toEqual(['/api2/json/admin/datastore/store1/groups?ns=a%2Fb']);
    await expect(apiGet('/admin/datastore/store1/groups', groups, { ns: 'a/b' })).resolves.toEqual([
      { 'backup-id': '101' },
    ]);
    expect(urls).toHaveLength(1);
    // Once only: the next read is a new request.
    await apiGet('/admin/datastore/store1/groups', groups, { ns: 'a/b' });
    expect(urls).toHaveLength(2);
  });

  it('is not used for another path, other parameters or a write', async () => {
    const urls = stubServer(() => ({ data: [] }));
    startEarlyGet({ path: '/admin/datastore/store1/groups', params: { ns: 'a' } });
    await apiGet('/admin/datastore/store1/groups', groups, { ns: 'b' });
    await apiGet('/admin/datastore/store2/groups', groups, { ns: 'a' });
    expect(urls).toEqual([
      '/api2/json/admin/datastore/store1/groups?ns=a',
      '/api2/json/admin/datastore/store1/groups?ns=b',
      '/api2/json/admin/datastore/store2/groups?ns=a',
    ]);
  });

  it('drops an answer nobody took for ten seconds', async () => {
    const urls = stubServer(() => ({ data: [] }));
    const now = performance.now();
    startEarlyGet({ path: '/version' }, now - 10_001);
    await apiGet('/version', z.array(z.never()));
    expect(urls).toEqual(['/api2/json/version', '/api2/json/version']);
  });

  it('reports a refusal of the early request as any other', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('permission check failed.\n', { status: 403 })),
    );
    startEarlyGet({ path: '/admin/datastore/store1/groups' });
    await expect(apiGet('/admin/datastore/store1/groups', groups)).rejects.toMatchObject({
      status: 403,
      message: 'permission check failed.',
    });
  });

  it('lets the caller give up while the early answer is still on its way', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => undefined)),
    );
    startEarlyGet({ path: '/version' });
    const abort = new AbortController();
    const read = apiGet('/version', z.unknown(), undefined, { signal: abort.signal });
    abort.abort();
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
  });
});
