import type { z } from 'zod';
import { describeIssue, pathText } from '@/lib/schema-issue';

/**
 * A non-2xx answer from PBS (or no answer at all: status 0). PBS's `/api2/json` error bodies are the
 * bare message text, so `message` is that text; `params` holds the per-parameter messages of a
 * "parameter verification failed" body.
 */
export class PbsError extends Error {
  readonly status: number;
  readonly params?: Record<string, string>;

  constructor(status: number, message: string, params?: Record<string, string>) {
    super(message);
    this.name = 'PbsError';
    this.status = status;
    if (params) this.params = params;
  }
}

/**
 * PBS answered 2xx, but with data whose shape PBS Deck does not understand. The message names the field
 * (lib/schema-issue.ts); without one (not JSON, no data) it says what is wrong with the whole answer.
 */
export class SchemaError extends Error {
  readonly path: string;
  readonly issue: string;
  readonly endpoint: string;

  constructor(
    endpoint: string,
    path: string,
    issue: string,
    message = `The answer to ${endpoint} cannot be read: ${issue}`,
  ) {
    super(message);
    this.name = 'SchemaError';
    this.endpoint = endpoint;
    this.path = path;
    this.issue = issue;
  }
}

/** `data[3]["backup-time"]`-style path of a zod issue, relative to the response body. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** `input` is what was parsed, at `prefix` in the response body (`['data']` below the envelope). */
export function schemaErrorFrom(
  endpoint: string,
  error: z.ZodError,
  input: unknown,
  prefix: PropertyKey[] = [],
): SchemaError {
  const first = error.issues[0];
  const url = endpoint.slice(endpoint.indexOf(' ') + 1);
  return new SchemaError(
    endpoint,
    formatIssuePath([...prefix, ...(first?.path ?? [])]),
    first?.message ?? 'invalid data',
    // `cpu in /nodes/localhost/status`; items of a list answer as `/nodes/localhost/tasks[3].pid`
    describeIssue(first, input, (path) =>
      path.length && typeof path[0] !== 'number' ? `${pathText(path).slice(1)} in ${url}` : url + pathText(path),
    ),
  );
}

const PARAM_PREFIX = 'parameter verification failed';
// PBS quotes the parameter name and puts the message after `': `.
const SINGLE_PARAM = /^parameter verification failed - '([^']+)': ([\s\S]*)$/;
const LIST_ITEM = /^- '([^']+)': (.*)$/;

/** Splits PBS's parameter verification texts (single and multi-line forms) into `{param: message}`. */
export function parseParamErrors(text: string): Record<string, string> | undefined {
  if (!text.startsWith(PARAM_PREFIX)) return undefined;
  const single = SINGLE_PARAM.exec(text);
  if (single?.[1] && single[2] !== undefined) return { [single[1]]: single[2].trim() };
  const params: Record<string, string> = {};
  for (const line of text.split('\n').slice(1)) {
    const item = LIST_ITEM.exec(line.trim());
    if (item?.[1] && item[2] !== undefined) params[item[1]] = item[2].trim();
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

/** Builds the PbsError of a non-2xx response from its status and (plain text) body. */
export function pbsErrorFromBody(status: number, statusText: string, body: string, contentType = ''): PbsError {
  const text = body.trim();
  // A proxy in front of PBS may answer with an HTML error page; its markup is no message.
  const usable = text !== '' && !contentType.includes('text/html') && !text.startsWith('<');
  const message = usable ? text : `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  return new PbsError(status, message, usable ? parseParamErrors(text) : undefined);
}

export function networkError(cause: unknown): PbsError {
  const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
  const err = new PbsError(0, `Cannot reach the server: the connection failed${detail}`);
  err.cause = cause;
  return err;
}
