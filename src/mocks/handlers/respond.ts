// PBS's HTTP answers: `{data}` JSON envelopes on success, plain-text bodies (still labelled JSON) on errors, and the
// simulator's time in every Date header.
import { HttpResponse } from 'msw';

export const CONTENT_TYPE = 'application/json;charset=UTF-8';

/** An error a handler raises with an explicit HTTP status, like PBS's http_err!. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** set when the PBS-like delay before this answer was already waited */
    readonly delayed = false,
  ) {
    super(message);
  }
}

export const httpDate = (epochSeconds: number): string => new Date(epochSeconds * 1000).toUTCString();

export function textResponse(status: number, text: string, now: number): Response {
  return new HttpResponse(text, { status, headers: { 'Content-Type': CONTENT_TYPE, Date: httpDate(now) } });
}

export function jsonResponse(body: unknown, now: number, status = 200): Response {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': CONTENT_TYPE, Date: httpDate(now) },
  });
}

/** What a route handler returns: the `data`, plus top-level attributes PBS adds (total, digest, active). */
export interface ApiResult {
  data: unknown;
  extra?: Record<string, unknown>;
}

export const ok = (data: unknown, extra?: Record<string, unknown>): ApiResult => ({ data, extra });
