import type { z } from 'zod';
import { encodeParams } from '@/api/form';
import { DEFAULT_SERVER_ID, type Server } from '@/api/queries/server';
import { recordServerDate } from '@/api/server-clock';
import { EMBED_LOGIN_NEEDED } from '@/lib/embed-login';

/*
 * The embed entry's only way to PBS: GET below /embed-api/api2/json, which the deck server answers
 * with its own read-only token, or (without one) with the PBS login made in the frame, kept by the
 * deck in an HttpOnly cookie this code never sees. Deliberately not api/client: the embed bundle
 * then holds no code that could send a write, a CSRF token or PBS's ticket cookie (checked on the
 * build output; the login itself is in embed-login-request.ts).
 */
export const EMBED_API = '/embed-api/api2/json';

export class EmbedError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The deck asks for the in-frame login: no session yet, or PBS no longer accepts it. */
export function isLoginNeeded(error: unknown): boolean {
  return error instanceof EmbedError && error.status === 401 && error.message.startsWith(EMBED_LOGIN_NEEDED);
}

export async function embedGet<S extends z.ZodType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  const sentAt = Date.now();
  let response: Response;
  try {
    // The deck's own embed session cookie goes along (in-frame login); with a token the deck ignores cookies.
    response = await fetch(`${EMBED_API}${path}`, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new EmbedError(0, 'cannot reach the deck server');
  }
  recordServerDate(response.headers.get('Date'), sentAt, Date.now());
  const text = await response.text();
  if (!response.ok) throw new EmbedError(response.status, text.trim() || `HTTP ${response.status}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new EmbedError(response.status, `${path}: the answer is not JSON`);
  }
  const data = schema.safeParse((body as { data?: unknown } | null)?.data);
  if (!data.success)
    throw new EmbedError(response.status, `${path}: unexpected answer (${data.error.issues[0]?.message ?? 'invalid'})`);
  return data.data;
}

/** The embed's PBS for the shared query factories (api/queries): the same reads as the console, through the deck's read-only mount. */
export const embedServer: Server = {
  id: DEFAULT_SERVER_ID,
  get: async (path, schema, query, signal) => {
    const search = encodeParams(query).toString();
    return { data: await embedGet(search ? `${path}?${search}` : path, schema, signal) };
  },
};
