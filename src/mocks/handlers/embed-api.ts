// /embed-api/api2/json/...: the embed entry's read-only view of PBS, authenticated with the demo API token that the
// deck server would hold. Only GET; the browser's own login cookie is not passed on.
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { DEMO_TOKEN_ID } from '../sim/auth/demo-users';
import type { SimHost } from '../sim-host';

export function embedApiHandler(getHost: () => SimHost, api: HttpHandler[]): HttpHandler {
  return http.all('/embed-api/api2/json/*', async ({ request }) => {
    if (request.method !== 'GET') {
      return new HttpResponse('embed API is read-only', { status: 405, headers: { 'Content-Type': 'text/plain' } });
    }
    const url = new URL(request.url);
    url.pathname = url.pathname.replace(/^\/embed-api/, '');
    const secret = getHost().auth.tokenSecret(DEMO_TOKEN_ID) ?? '';
    const inner = new Request(url, {
      method: 'GET',
      credentials: 'omit',
      headers: { Authorization: `PBSAPIToken=${DEMO_TOKEN_ID}:${secret}` },
    });
    return (await getResponse(api, inner, { baseUrl: url.origin })) ?? new HttpResponse(null, { status: 404 });
  });
}
