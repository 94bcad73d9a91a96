// @vitest-environment node
import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, request, selfSignedCert, startDeck, type Running } from './test-utils.ts';

// A stand-in PBS on TLS with a self-signed certificate that counts what reaches it: handshakes
// and, separately, HTTP requests. A refused certificate must leave the request count at zero, so
// no cookie or CSRF token ever left the deck.
describe('certificate check of the PBS connection', () => {
  const pbsCert = selfSignedCert('pbs-under-test');
  const realFp = new X509Certificate(pbsCert.cert).fingerprint256;
  const wrongFp = realFp.replace(/^../, realFp.startsWith('00') ? '11' : '00');
  let pbs: Running;
  const seen: { cookie?: string; csrf?: string }[] = [];

  beforeAll(async () => {
    const server = https.createServer({ cert: pbsCert.cert, key: pbsCert.key }, (req, res) => {
      seen.push({ cookie: req.headers.cookie, csrf: req.headers['csrfpreventiontoken'] as string | undefined });
      res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' }).end('{"data":{"version":"4.2.1"}}');
    });
    pbs = await listen(server);
  });
  afterAll(() => pbs.close());

  const ask = (deck: Running) =>
    request(`${deck.url}/api2/json/version`, {
      headers: { cookie: 'PBSAuthCookie=PBS:root@pam:66601A2B::c2lnbmF0dXJl', csrfpreventiontoken: '66601A2B:dG9rZW4' },
    });

  it('refuses a wrong pin with 502 before any request is sent', async () => {
    seen.length = 0;
    const deck = await startDeck({ PBS_URL: pbs.url, PBS_FINGERPRINT: wrongFp });
    try {
      const res = await ask(deck);
      expect(res.status).toBe(502);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toBe(`certificate fingerprint mismatch: expected ${wrongFp}, got ${realFp}`);
      expect(seen).toHaveLength(0);
    } finally {
      await deck.close();
    }
  });

  it('passes with the right pin, written in lower case without colons', async () => {
    seen.length = 0;
    const deck = await startDeck({ PBS_URL: pbs.url, PBS_FINGERPRINT: realFp.replace(/:/g, '').toLowerCase() });
    try {
      const res = await ask(deck);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ data: { version: '4.2.1' } });
      expect(seen).toEqual([{ cookie: 'PBSAuthCookie=PBS:root@pam:66601A2B::c2lnbmF0dXJl', csrf: '66601A2B:dG9rZW4' }]);
    } finally {
      await deck.close();
    }
  });

  it('refuses a certificate the system store does not trust, and names its fingerprint', async () => {
    seen.length = 0;
    const deck = await startDeck({ PBS_URL: pbs.url });
    try {
      const res = await ask(deck);
      expect(res.status).toBe(502);
      expect(res.text).toContain('not trusted');
      expect(res.text).toContain(realFp);
      expect(seen).toHaveLength(0);
    } finally {
      await deck.close();
    }
  });

  it('trusts the certificate given as PBS_CA', async () => {
    seen.length = 0;
    const deck = await startDeck({ PBS_URL: pbs.url, PBS_CA: pbsCert.certPath });
    try {
      expect((await ask(deck)).status).toBe(200);
      expect(seen).toHaveLength(1);
    } finally {
      await deck.close();
    }
  });

  it('checks the host name against PBS_CA certificates', async () => {
    const otherCert = selfSignedCert('pbs-elsewhere', 'DNS:pbs.elsewhere.example');
    const other = await listen(
      https.createServer({ cert: otherCert.cert, key: otherCert.key }, (_req, res) => {
        seen.push({});
        res.end('{"data":null}');
      }),
    );
    seen.length = 0;
    const deck = await startDeck({ PBS_URL: other.url, PBS_CA: otherCert.certPath });
    try {
      const res = await ask(deck);
      expect(res.status).toBe(502);
      expect(res.text).toContain('not trusted');
      expect(seen).toHaveLength(0);
    } finally {
      await deck.close();
      await other.close();
    }
  });
});
