/* A stand-in for `fetch` for the api tests: answers from a handler and records what was sent. */

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export type Responder = (request: SentRequest) => Response | Promise<Response>;

export function createFakeFetch(responder: Responder) {
  const requests: SentRequest[] = [];
  const fetchFn = async (input: string, init: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const request: SentRequest = {
      url: input,
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? init.body : undefined,
    };
    requests.push(request);
    return responder(request);
  };
  return { fetchFn, requests };
}

/** PBS sends error texts as plain bodies under a JSON content type. */
export function pbsResponse(status: number, body: unknown, extraHeaders: Record<string, string> = {}): Response {
  const text = typeof body === 'string' && status >= 400 ? body : JSON.stringify(body);
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...extraHeaders },
  });
}
