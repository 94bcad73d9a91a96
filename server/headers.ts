import type { ServerResponse } from 'node:http';

// One policy for every answer of the deck server, static or proxied. No inline script anywhere:
// the built index.html loads only its hashed module files. Styles come from the built CSS file;
// React `style` props go through the CSSOM, which style-src does not restrict.
const cspWith = (frameAncestors: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    `frame-ancestors ${frameAncestors}`,
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');

const CONSOLE_CSP = cspWith("'none'");

const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

export interface HeaderOptions {
  /** The deck itself is served over TLS: browsers may then be told to stay on https. */
  tls: boolean;
}

export function securityHeaders(opts: HeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': CONSOLE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
  };
  if (opts.tls) headers['strict-transport-security'] = 'max-age=31536000';
  return headers;
}

/**
 * The embed entry's HTML only: the same policy, framable by FRAME_ANCESTORS (default: by nobody).
 * X-Frame-Options cannot name origins, so it goes when framing is allowed; CSP decides instead.
 */
export function embedPageHeaders(base: Record<string, string>, frameAncestors: string | null): Record<string, string> {
  if (!frameAncestors) return base;
  const headers: Record<string, string> = { ...base, 'content-security-policy': cspWith(frameAncestors) };
  delete headers['x-frame-options'];
  return headers;
}

export function applySecurityHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
