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
        'since=1700000000&limit=500&statusfilter=error&statusfilter=warning',
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

  it.each([
    ['limit=501', 'limit', 'maximum value of 500 (got 501)'],
    ['limit=999999999999', 'limit', 'maximum value of 500 (got 999999999999)'],
    ['limit=0', 'limit', 'minimum value of 1 (got 0)'],
    ['start=100001', 'start', 'maximum value of 100000 (got 100001)'],
    ['since=4102444801', 'since', 'maximum value of 4102444800 (got 4102444801)'],
    ['errors=1&until=999999999999', 'until', 'maximum value of 4102444800 (got 999999999999)'],
  ])('refuses %s past its cap with 400, naming the cap as PBS would', (query, name, words) => {
    expect(checkEmbedRequest('GET', `${P}/nodes/localhost/tasks`, query)).toEqual({
      ok: false,
      status: 400,
      message: `parameter verification failed - '${name}': value must have a ${words}`,
    });
  });

  it('passes paging at its caps', () => {
    expect(
      checkEmbedRequest('GET', `${P}/nodes/localhost/tasks`, 'limit=500&start=100000&since=0&until=4102444800'),
    ).toEqual({ ok: true, path: '/nodes/localhost/tasks?limit=500&start=100000&since=0&until=4102444800' });
    expect(checkEmbedRequest('GET', `${P}/nodes/localhost/tasks`, 'limit=1')).toMatchObject({ ok: true });
  });
});
