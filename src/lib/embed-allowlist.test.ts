import { checkEmbedRequest, EMBED_API_PATHS } from './embed-allowlist';

const P = '/embed-api/api2/json';

describe('checkEmbedRequest', () => {
  it('passes the reads the embed views make, unchanged', () => {
    expect(checkEmbedRequest('GET', `${P}/status/datastore-usage`, '')).toEqual({
      ok: true,
      path: '/status/datastore-usage',
    });
    expect(checkEmbedRequest('HEAD', `${P}/admin/datastore/store-1.a_b/status`, 'verbose=1')).toEqual({
      ok: true,
      path: '/admin/datastore/store-1.a_b/status?verbose=1',
    });
    expect(
      checkEmbedRequest(
        'GET',
        `${P}/nodes/localhost/tasks`,
        'since=1700000000&limit=1000&statusfilter=error&statusfilter=warning',
      ),
    ).toMatchObject({ ok: true });
    expect(checkEmbedRequest('GET', `${P}/admin/datastore/store1/rrd`, 'timeframe=day&cf=AVERAGE')).toMatchObject({
      ok: true,
    });
    expect(EMBED_API_PATHS).toContain('/admin/datastore/:store/gc');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405', (method) => {
    expect(checkEmbedRequest(method, `${P}/version`, '')).toMatchObject({ ok: false, status: 405 });
  });

  it.each([
    [`${P}/access/ticket`, '', 403],
    [`${P}/admin/datastore/store1/snapshots`, '', 403],
    [`${P}/admin/datastore/store1/gc/extra`, '', 403],
    [`${P}/admin/datastore/.hidden/status`, '', 403],
    ['/api2/json/version', '', 403],
    [`${P}/admin/datastore/../status`, '', 400],
    [`${P}/admin/datastore/%2e%2e/status`, '', 400],
    [`${P}/admin/datastore/a%2fb/status`, '', 400],
    [`${P}//version`, '', 400],
    [`${P}/version/`, '', 400],
    [`${P}/admin\\datastore`, '', 400],
    [`${P}/version`, 'x=1', 400],
    [`${P}/nodes/localhost/tasks`, 'limit=5&limit=6', 400],
    [`${P}/nodes/localhost/tasks`, 'limit=-1', 400],
    [`${P}/nodes/localhost/tasks`, 'limit=%ZZ', 400],
    [`${P}/nodes/localhost/tasks`, 'constructor=1', 400],
    [`${P}/admin/datastore/store1/status`, 'verbose=yes', 400],
  ])('refuses %s?%s with %i', (path, query, status) => {
    const r = checkEmbedRequest('GET', path, query);
    expect(r).toMatchObject({ ok: false, status });
    expect(r.ok ? '' : r.message).not.toBe('');
  });
});
