// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, selfSignedCert, startDeck, type Running } from './test-utils.ts';

function expectSecurityHeaders(headers: Record<string, string | string[] | undefined>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
}

describe('security headers', () => {
  let deck: Running;
  beforeAll(async () => {
    deck = await startDeck({ PBS_URL: 'http://127.0.0.1:9' });
  });
  afterAll(() => deck.close());

  it.each(['/healthz', '/', '/assets/missing.js', '/deck/config', '/api2/json/version', '/embed-api/x'])(
    'are on the answer to %s',
    async (path) => {
      const res = await request(deck.url, { path, headers: { accept: 'text/html' } });
      expectSecurityHeaders(res.headers);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    },
  );

  it('/healthz answers ok', async () => {
    const res = await request(`${deck.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('ok');
  });

  it('adds HSTS when the deck itself serves TLS', async () => {
    const cert = selfSignedCert('deck');
    const tlsDeck = await startDeck({ PBS_URL: 'http://127.0.0.1:9', TLS_CERT: cert.certPath, TLS_KEY: cert.keyPath });
    try {
      expect(tlsDeck.url).toMatch(/^https:/);
      const res = await request(`${tlsDeck.url}/healthz`, { ca: cert.cert });
      expect(res.text).toBe('ok');
      expectSecurityHeaders(res.headers);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await tlsDeck.close();
    }
  });
});
