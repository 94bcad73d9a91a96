import { z } from 'zod';
import { EmbedError } from './embed-fetch';

/*
 * The embed entry's only requests that are not reads: logging in to and out of the deck's embed
 * session (/embed-api/login, /embed-api/logout). The deck asks PBS for the ticket and keeps it in
 * an HttpOnly cookie; this code never sees a ticket or CSRF token, and nothing here changes PBS.
 * The build check (scripts/embed-bundle.mjs) allows a write method only beside these two paths.
 */

const loginAnswerSchema = z.union([
  z.object({ username: z.string() }),
  z.object({ tfa: z.array(z.enum(['totp', 'recovery'])).min(1) }),
]);
export type LoginAnswer = z.infer<typeof loginAnswerSchema>;

export type LoginStep = { username: string; password: string } | { tfa: string };

async function send(path: '/embed-api/login' | '/embed-api/logout', body: object): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new EmbedError(0, 'cannot reach the deck server');
  }
  const text = await response.text();
  if (!response.ok) throw new EmbedError(response.status, text.trim() || `HTTP ${response.status}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EmbedError(response.status, 'the deck answered the login with something else than JSON');
  }
}

/** First step (user and password) or second (`totp:<code>` / `recovery:<key>`). */
export async function embedLogin(step: LoginStep): Promise<LoginAnswer> {
  const answer = loginAnswerSchema.safeParse(await send('/embed-api/login', step));
  if (!answer.success) throw new EmbedError(200, 'the deck answered the login in an unexpected form');
  return answer.data;
}

export async function embedLogout(): Promise<void> {
  await send('/embed-api/logout', {});
}
