import type { IncomingMessage } from 'node:http';

// The body of POST /embed-api/login: `{ username: "user@realm", password }` for the first step,
// `{ tfa: "totp:123456" | "recovery:…" }` for the second. Only JSON is taken: a cross-site HTML form
// cannot send it, and another origin's fetch of it needs a CORS preflight the deck never grants.

const MAX_BYTES = 8192;
const USERID = /^[^\s:/]{1,64}@[A-Za-z0-9._-]{1,32}$/;
const SECOND_FACTOR = /^(?:totp|recovery):\S{1,128}$/;

export type LoginBody =
  | { ok: true; step: 'password'; username: string; password: string }
  | { ok: true; step: 'tfa'; tfa: string }
  | { ok: false; status: 400 | 413 | 415; message: string };

export async function readLoginBody(req: IncomingMessage): Promise<LoginBody> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    return { ok: false, status: 415, message: 'expected content-type: application/json' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BYTES) return { ok: false, status: 413, message: 'login request too large' };
    chunks.push(chunk);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return { ok: false, status: 400, message: 'the login request is not JSON' };
  }
  const body = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof body.tfa === 'string') {
    const tfa = body.tfa.trim();
    if (!SECOND_FACTOR.test(tfa))
      return { ok: false, status: 400, message: "second factor: expected 'totp:<code>' or 'recovery:<key>'" };
    return { ok: true, step: 'tfa', tfa };
  }
  const { username, password } = body;
  if (typeof username !== 'string' || !USERID.test(username.trim())) {
    return { ok: false, status: 400, message: "user: expected 'name@realm', e.g. audit@pbs" };
  }
  if (typeof password !== 'string' || password.length === 0 || password.length > 1024) {
    return { ok: false, status: 400, message: 'password: required' };
  }
  return { ok: true, step: 'password', username: username.trim(), password };
}
