import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable, pipeline } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { EmbedAnswer } from '../types.ts';

// node:http ⇄ fetch Request/Response, for answering requests through msw's getResponse.

export function toWebRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  // Concatenated, not resolved: a target like '//host/x' stays a path on this origin.
  return new Request(new URL(`${origin}${req.url ?? '/'}`), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch requires this for a streamed body; the DOM typings do not know it.
    ...({ duplex: 'half' } as object),
  });
}

export function sendWebResponse(res: ServerResponse, response: Response, head: boolean): void {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  // Each cookie must stay its own header: joined with commas, Expires dates would break them.
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body || head) {
    void response.body?.cancel();
    res.end();
    return;
  }
  // pipeline, not pipe: when the browser goes away it cancels the stream (an endless log follow stops).
  pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res, () => {});
}

/** A dropped connection (a simulator fault, `Response.error()`) is what fetch would throw for it. */
export function throwIfDropped(response: Response): Response {
  if (response.type === 'error') throw new TypeError('fetch failed: the simulator dropped the connection');
  return response;
}

/** An embed read from a web Response (the simulator answers through msw's getResponse). */
export async function answerFromResponse(response: Response): Promise<EmbedAnswer> {
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/json',
    body: Buffer.from(await response.arrayBuffer()),
    date: response.headers.get('date'),
  };
}
