import { z } from 'zod';
import { apiDelete, apiGet, apiGetWithMeta, apiPath, apiPost, apiPut, PbsError, SchemaError, setFetch } from './client';
import { resetServerClock, serverClockSkew } from './server-clock';
import { addSessionEndedListener, setCsrfToken } from './session-state';
import { createFakeFetch, pbsResponse, type Responder } from './testing/fake-fetch';

function serve(responder: Responder) {
  const fake = createFakeFetch(responder);
  setFetch(fake.fetchFn);
  return fake.requests;
}

afterEach(() => {
  setFetch(null);
  setCsrfToken(null);
  resetServerClock();
});

describe('api client', () => {
  it('unwraps the {data} envelope and parses it with the schema', async () => {
    const requests = serve(() => pbsResponse(200, { data: { version: '4.2', release: '1', repoid: 'abc' } }));
    const version = await apiGet('/version', z.object({ version: z.string(), release: z.string() }));
    expect(version).toEqual({ version: '4.2', release: '1' });
    expect(requests[0]?.url).toBe('/api2/json/version');
  });

  it('returns total and digest next to data', async () => {
    serve(() => pbsResponse(200, { data: [], total: 51, digest: 'ab12' }));
    await expect(apiGetWithMeta('/nodes/localhost/tasks', z.array(z.unknown()))).resolves.toEqual({
      data: [],
      total: 51,
      digest: 'ab12',
    });
  });

  it('turns a plain-text error body into a PbsError with status and message', async () => {
    serve(() => pbsResponse(400, "no such datastore 'x'"));
    const error = await apiGet('/admin/datastore/x/status', z.unknown()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PbsError);
    expect(error).toMatchObject({ status: 400, message: "no such datastore 'x'" });
    expect((error as PbsError).params).toBeUndefined();
  });

  it('splits single and multi-line parameter errors into params', async () => {
    serve(() => pbsResponse(400, "parameter verification failed - 'ns': value does not match the regex pattern"));
    await expect(apiGet('/x', z.unknown())).rejects.toMatchObject({
      params: { ns: 'value does not match the regex pattern' },
    });

    serve(() =>
      pbsResponse(
        400,
        "parameter verification failed:\n- 'keep-last': value must have a minimum value of 1\n- 'foo': schema does not allow additional properties.",
      ),
    );
    await expect(apiPost('/x', z.unknown(), {})).rejects.toMatchObject({
      params: {
        'keep-last': 'value must have a minimum value of 1',
        foo: 'schema does not allow additional properties.',
      },
    });
  });

  it('uses the status line when a proxy answers with an HTML page', async () => {
    serve(
      () =>
        new Response('<html><body>Bad gateway</body></html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    await expect(apiGet('/version', z.unknown())).rejects.toMatchObject({
      status: 502,
      message: 'HTTP 502 Bad Gateway',
    });
  });

  it('reports a failed connection as status 0', async () => {
    setFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await apiGet('/version', z.unknown()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PbsError);
    expect(error).toMatchObject({ status: 0 });
    expect((error as PbsError).message).toMatch(/cannot reach the server/i);
  });

  it('lets an aborted request reject with the abort, not as a server error', async () => {
    const controller = new AbortController();
    setFetch((_url, init) => {
      controller.abort();
      return Promise.reject(init.signal?.reason ?? new DOMException('aborted', 'AbortError'));
    });
    const error = await apiGet('/version', z.unknown(), undefined, { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(error).not.toBeInstanceOf(PbsError);
  });

  it('raises a SchemaError naming the path when data does not match', async () => {
    serve(() => pbsResponse(200, { data: [{ store: 'a', used: '12' }] }));
    const error = await apiGet(
      '/status/datastore-usage',
      z.array(z.object({ store: z.string(), used: z.number() })),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect(error).not.toBeInstanceOf(PbsError);
    expect((error as SchemaError).path).toBe('data[0].used');
    expect((error as SchemaError).message).toBe(
      'The server sent /status/datastore-usage[0].used as a string, expected a number',
    );
  });

  it('raises a SchemaError when the envelope has no data', async () => {
    serve(() => pbsResponse(200, { success: 1 }));
    await expect(apiGet('/version', z.unknown())).rejects.toMatchObject({ name: 'SchemaError', path: 'data' });
  });

  it('accepts {"data": null} from mutations', async () => {
    serve(() => pbsResponse(200, { data: null }));
    await expect(apiPut('/config/datastore/s', z.null(), { comment: 'x' })).resolves.toBeNull();
  });

  it('raises a SchemaError for a 200 that is not JSON', async () => {
    serve(() => new Response('<html></html>', { status: 200 }));
    await expect(apiGet('/version', z.unknown())).rejects.toBeInstanceOf(SchemaError);
  });

  it('sends the CSRF token on POST, PUT and DELETE but not on GET', async () => {
    setCsrfToken('66601A2B:c2ln');
    const requests = serve(() => pbsResponse(200, { data: null }));
    await apiGet('/a', z.null());
    await apiPost('/a', z.null());
    await apiPut('/a', z.null());
    await apiDelete('/a', z.null());
    expect(requests.map((r) => [r.method, r.headers.csrfpreventiontoken])).toEqual([
      ['GET', undefined],
      ['POST', '66601A2B:c2ln'],
      ['PUT', '66601A2B:c2ln'],
      ['DELETE', '66601A2B:c2ln'],
    ]);
  });

  it('form-encodes bodies: arrays as repeated keys, booleans as 1/0, undefined dropped', async () => {
    const requests = serve(() => pbsResponse(200, { data: null }));
    await apiPut('/config/datastore/store1', z.null(), {
      delete: ['comment', 'gc-schedule'],
      'verify-new': true,
      'ignore-verified': false,
      comment: undefined,
      'keep-last': 3,
      notes: 'a b&c',
    });
    const sent = requests[0];
    expect(sent?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent?.body).toBe(
      'delete=comment&delete=gc-schedule&verify-new=1&ignore-verified=0&keep-last=3&notes=a+b%26c',
    );
  });

  it('puts GET and DELETE parameters in the query string', async () => {
    const requests = serve(() => pbsResponse(200, { data: [] }));
    await apiGet('/nodes/localhost/tasks', z.array(z.unknown()), {
      statusfilter: ['error', 'warning'],
      running: false,
      start: 0,
    });
    await apiDelete('/admin/datastore/s/groups', z.array(z.unknown()), { 'backup-type': 'vm', 'backup-id': '100' });
    expect(requests[0]?.url).toBe(
      '/api2/json/nodes/localhost/tasks?statusfilter=error&statusfilter=warning&running=0&start=0',
    );
    expect(requests[0]?.body).toBeUndefined();
    expect(requests[1]?.url).toBe('/api2/json/admin/datastore/s/groups?backup-type=vm&backup-id=100');
  });

  it('notifies the session-ended listener only for 401 "authentication failed"', async () => {
    const ended: string[] = [];
    const unsubscribe = addSessionEndedListener((message) => ended.push(message));
    serve(() => pbsResponse(401, 'authentication failed - invalid ticket'));
    await expect(apiGet('/version', z.unknown())).rejects.toMatchObject({ status: 401 });
    expect(ended).toEqual(['authentication failed - invalid ticket']);

    serve(() => pbsResponse(401, 'change owner failed - not allowed'));
    await expect(apiPost('/admin/datastore/s/change-owner', z.null(), {})).rejects.toMatchObject({ status: 401 });
    serve(() => pbsResponse(401, 'permission check failed.'));
    await expect(apiPost('/access/ticket', z.unknown(), {})).rejects.toMatchObject({ status: 401 });
    serve(() => pbsResponse(403, 'authentication failed'));
    await expect(apiGet('/version', z.unknown())).rejects.toMatchObject({ status: 403 });
    expect(ended).toHaveLength(1);
    unsubscribe();
  });

  it('learns the server clock from the Date header', async () => {
    const serverTime = Date.now() + 3_600_000;
    serve(() => pbsResponse(200, { data: null }, { Date: new Date(serverTime).toUTCString() }));
    await apiGet('/version', z.null());
    expect(Math.abs(serverClockSkew() - 3_600_000)).toBeLessThan(2000);
  });

  it('percent-encodes interpolated path parts', () => {
    const upid = 'UPID:pbs:000000CA:0000102F:00000051:6A4A5770:backup:main\\x3act-104:root@pam:';
    expect(apiPath`/nodes/localhost/tasks/${upid}/status`).toBe(
      `/nodes/localhost/tasks/${encodeURIComponent(upid)}/status`,
    );
    expect(apiPath`/nodes/localhost/tasks/${upid}/status`).not.toContain('\\');
  });
});
