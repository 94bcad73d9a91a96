// /embed-api/api2/json/...: the embed entry's read-only view of PBS in the demo build, authenticated with the demo
// API token that the deck server would hold. The same allowlist as the deck server (lib/embed-allowlist); the
// browser's own login cookie is not passed on.
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { checkEmbedRequest } from '@/lib/embed-allowlist';
import { DEMO_TOKEN_ID } from '../sim/auth/demo-users';
import type { SimHost } from '../sim-host';

const text = (status: number, body: string, extra: Record<string, string> = {}) =>
  new HttpResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...extra } });

export function embedApiHandler(getHost: () => SimHost, api: HttpHandler[]): HttpHandler {
  return http.all('/embed-api/*', async ({ request }) => {
    const url = new URL(request.url);
    const check = checkEmbedRequest(request.method, url.pathname, url.search.slice(1));
    if (!check.ok) return text(check.status, check.message, check.status === 405 ? { Allow: 'GET, HEAD' } : {});
    const secret = getHost().auth.tokenSecret(DEMO_TOKEN_ID) ?? '';
    const inner = new Request(new URL(`/api2/json${check.path}`, url.origin), {
      method: 'GET',
      credentials: 'omit',
      headers: { Authorization: `PBSAPIToken=${DEMO_TOKEN_ID}:${secret}`, Accept: 'application/json' },
    });
    return (await getResponse(api, inner, { baseUrl: url.origin })) ?? text(404, 'not found');
  });
}
