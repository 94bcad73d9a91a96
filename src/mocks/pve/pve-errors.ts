// Proxmox VE's error answers: JSON `{data: null, message, errors?}` with the message's first line as the HTTP
// reason phrase (PVE::HTTPServer rest_handler, PVE::APIServer::Formatter::Standard).
import { HttpResponse } from 'msw';

export class PveError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** `die "…\n"` inside an API method: 500 with the text. */
export const pveDie = (message: string) => new PveError(500, `${message}\n`);

/** raise_param_exc: 400 "Parameter verification failed." with one message per parameter. */
export const paramError = (errors: Record<string, string>) =>
  new PveError(400, 'Parameter verification failed.\n', errors);

const CONTENT_TYPE = 'application/json;charset=UTF-8';

export function pveJson(body: unknown, now: number): Response {
  return new HttpResponse(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': CONTENT_TYPE, Date: new Date(now * 1000).toUTCString() },
  });
}

export function pveErrorResponse(e: PveError, now: number): Response {
  // pveproxy sends these with an empty body; a body of {"data":null} lets every client parse it as JSON
  const body: Record<string, unknown> = e instanceof PveAuthError ? { data: null } : { data: null, message: e.message };
  if (e.errors) body.errors = e.errors;
  return new HttpResponse(JSON.stringify(body), {
    status: e.status,
    statusText: e.message.split('\n')[0] ?? '',
    headers: { 'Content-Type': CONTENT_TYPE, Date: new Date(now * 1000).toUTCString() },
  });
}

/**
 * A refusal by pveproxy's auth_handler (no ticket, a bad ticket or token, a bad CSRF token): 401 with the reason
 * phrase and no message in the body.
 */
export class PveAuthError extends PveError {
  constructor(reason: string) {
    super(401, `${reason}\n`);
  }
}
