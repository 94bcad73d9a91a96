// The answers the deck's /pve-api/ layer writes itself, and PVE's errors made readable: PVE puts an error's text in
// the HTTP reason phrase and answers `{"data":null}`, so the deck copies the phrase into the body, word for word.

const JSON_TYPE = 'application/json;charset=UTF-8';

/** A reason phrase must be printable ASCII; the body keeps the full text. */
const reason = (message: string) => message.replace(/[^\x20-\x7e]/g, ' ').slice(0, 120);

export function deckJson(data: unknown, setCookie: string | null = null): Response {
  const headers = new Headers({ 'content-type': JSON_TYPE, 'cache-control': 'no-store' });
  if (setCookie) headers.append('set-cookie', setCookie);
  return new Response(JSON.stringify({ data }), { status: 200, headers });
}

/** A refusal by the deck: `{"data":null,"message":"…\n"}`, the message also as the reason phrase. */
export function deckRefusal(status: number, message: string, extra: Record<string, string> = {}): Response {
  const text = message.endsWith('\n') ? message : `${message}\n`;
  const headers = new Headers({ 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...extra });
  return new Response(JSON.stringify({ data: null, message: text }), {
    status,
    statusText: reason(text.trim()),
    headers,
  });
}

export const LOGIN_HEADER = 'X-Deck-Pve-Login';

/** No PVE session (user mode), or PVE no longer accepts it. */
export function loginRequired(clearCookie: string | null): Response {
  const r = deckRefusal(401, 'log in to Proxmox VE first', { [LOGIN_HEADER]: 'required' });
  if (clearCookie) r.headers.append('set-cookie', clearCookie);
  return r;
}

const MAX_ERROR_BODY = 64 * 1024;

/** PVE's error answer with its reason phrase in the body (as `message`), status and phrase kept. */
export async function pveErrorAnswer(response: Response): Promise<Response> {
  const text = (await response.text()).slice(0, MAX_ERROR_BODY);
  let body: Record<string, unknown> = { data: null };
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: the phrase alone says it
  }
  const phrase = response.statusText;
  if (typeof body.message !== 'string' || body.message.trim() === '') {
    body = { ...body, data: null, message: `${phrase || `Proxmox VE answered ${response.status}`}\n` };
  }
  return new Response(JSON.stringify(body), {
    status: response.status,
    statusText: reason(phrase || String(body.message).trim()),
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
  });
}

/** A successful PVE answer, passed on with only its type and date (no cookies of PVE's). */
export function pveAnswer(response: Response): Response {
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of ['content-type', 'date']) {
    const v = response.headers.get(name);
    if (v !== null) headers.set(name, v);
  }
  const body = response.status === 204 || response.status === 304 ? null : response.body;
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** A request body, or null when it is larger than `max` bytes. */
export async function readLimited(request: Request, max: number): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** A form body (urlencoded, or JSON as PVE also takes it), or null when it is neither. */
export function parseForm(contentType: string, body: string): URLSearchParams | null {
  if (contentType.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(body);
  if (contentType.startsWith('application/json')) {
    try {
      const json = JSON.parse(body || '{}') as unknown;
      if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(json)) if (v !== null && v !== undefined) form.set(k, String(v));
      return form;
    } catch {
      return null;
    }
  }
  return null;
}
