// A tiny PBS client for the handler tests: real fetch through msw/node, credentials as PBS clients send them.
export interface Session {
  ticket: string;
  csrf?: string;
}

export interface CallOptions {
  session?: Session;
  /** send the CSRF token on writes (default true) */
  csrf?: boolean;
  form?: Record<string, string | string[]>;
  json?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  text: string;
  headers: Headers;
  json: { data?: unknown; [k: string]: unknown } | null;
}

export const BASE = 'http://localhost:3000';

export async function call(method: string, path: string, opts: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.session) {
    headers.Cookie = `PBSAuthCookie=${encodeURIComponent(opts.session.ticket)}`;
    if (opts.csrf !== false && method !== 'GET' && opts.session.csrf) headers.CSRFPreventionToken = opts.session.csrf;
  }
  let body: string | undefined;
  if (opts.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.form)) for (const x of ([] as string[]).concat(v)) form.append(k, x);
    body = form.toString();
  } else if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  const res = await fetch(`${BASE}/api2/json${path}`, { method, headers, body, credentials: 'omit' });
  const text = await res.text();
  let json: CallResult['json'] = null;
  try {
    json = JSON.parse(text) as CallResult['json'];
  } catch {
    // PBS error bodies are plain text
  }
  return { status: res.status, text, headers: res.headers, json };
}

export async function login(username: string, password = 'demo'): Promise<Session> {
  const r = await call('POST', '/access/ticket', { form: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  const data = r.json!.data as { ticket: string; CSRFPreventionToken: string };
  return { ticket: data.ticket, csrf: data.CSRFPreventionToken };
}
