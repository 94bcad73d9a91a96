import type { IncomingMessage } from 'node:http';

/*
 * The embed views' own session cookies. PBS's ticket cookie is SameSite=Lax and a cross-site frame
 * never sends it, so the deck keeps the ticket in a cookie of its own, only for /embed-api/, which
 * script cannot read (HttpOnly) and which a browser keeps only over TLS (Secure) and only for the
 * dashboard that frames the view (Partitioned).
 */

export const SESSION_COOKIE = 'PBSDeckEmbed';
/** The partial ticket and userid of a login waiting for its second factor. */
export const TFA_COOKIE = 'PBSDeckEmbedTfa';

/** PBS accepts a ticket for two hours after it was issued. */
export const SESSION_MAX_AGE = 7200;
/** Time to type a second factor. */
export const TFA_MAX_AGE = 300;

const ATTRIBUTES = 'Path=/embed-api/; HttpOnly; Secure; SameSite=None; Partitioned';

export function setCookie(name: string, value: string, maxAge: number): string {
  return `${name}=${encodeURIComponent(value)}; ${ATTRIBUTES}; Max-Age=${maxAge}`;
}

export function clearCookie(name: string): string {
  return `${name}=; ${ATTRIBUTES}; Max-Age=0`;
}

/** One cookie of the request, percent-decoded; null when absent or malformed. */
export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim()) || null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The browser reaches the deck over TLS: the deck serves it itself, or a proxy in front says so
 * (X-Forwarded-Proto, as docs/nginx.conf sets it). Only then does a browser keep a Secure cookie.
 */
export function isSecureRequest(req: IncomingMessage, deckTls: boolean): boolean {
  if (deckTls) return true;
  const proto = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

/**
 * Why a login or logout request is not this deck's own page asking, or null when it is. The JSON
 * content type already keeps cross-site forms out (another origin's fetch needs a CORS preflight
 * the deck never grants); Sec-Fetch-Site and Origin, when the browser sends them, must agree.
 */
export function crossSiteProblem(req: IncomingMessage): string | null {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin')
    return `refused: a ${String(site)} request cannot log in to this deck`;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let host: string | null = null;
    try {
      host = new URL(origin).hostname;
    } catch {
      host = null;
    }
    const own = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!host || host !== own) return 'refused: the request comes from another origin';
  }
  return null;
}
