// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startDeck, type Running } from '../test-utils.ts';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app-Bx1.js"></script></head><body></body></html>';
const APP_JS = `export const rows = [${Array.from({ length: 200 }, (_, i) => `"row ${i}"`).join(',')}];\n`;
const SECRET = 'secret outside dist';

// A built SPA in a temp dir, precompressed by the real build script, with a file beside dist/
// that no URL may reach.
describe('static files of the built SPA', () => {
  let deck: Running;
  const root = mkdtempSync(join(tmpdir(), 'deck-static-'));
  const dist = join(root, 'dist');

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), INDEX.padEnd(700, ' '));
    writeFileSync(join(dist, 'assets', 'app-Bx1.js'), APP_JS);
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'secret.txt'), SECRET);
    const script = fileURLToPath(new URL('../../scripts/precompress.mjs', import.meta.url));
    execFileSync(process.execPath, [script, dist], { stdio: 'ignore' });
    deck = await startDeck({ PBS_URL: 'http://127.0.0.1:9' }, dist);
  });
  afterAll(() => deck.close());

  it('precompresses text files, leaving tiny ones alone', () => {
    expect(existsSync(join(dist, 'assets', 'app-Bx1.js.br'))).toBe(true);
    expect(existsSync(join(dist, 'assets', 'app-Bx1.js.gz'))).toBe(true);
    expect(existsSync(join(dist, 'favicon.svg.br'))).toBe(false);
  });

  it('sends brotli, gzip or identity as the browser accepts', async () => {
    const path = '/assets/app-Bx1.js';
    const br = await request(deck.url, { path, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);
    const gz = await request(deck.url, { path, headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(APP_JS);
    const plain = await request(deck.url, { path });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(APP_JS);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.vary).toBe('Accept-Encoding');
  });

  it('caches hashed assets for a year and revalidates index.html', async () => {
    const asset = await request(deck.url, { path: '/assets/app-Bx1.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await request(deck.url, { path: '/' });
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.text).toContain('<script type="module" src="/assets/app-Bx1.js">');
  });

  it('answers 304 to a matching If-None-Match, per encoding', async () => {
    const first = await request(deck.url, { path: '/assets/app-Bx1.js', headers: { 'accept-encoding': 'br' } });
    const etag = first.headers.etag!;
    const again = await request(deck.url, {
      path: '/assets/app-Bx1.js',
      headers: { 'accept-encoding': 'br', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const otherEncoding = await request(deck.url, { path: '/assets/app-Bx1.js', headers: { 'if-none-match': etag } });
    expect(otherEncoding.status).toBe(200);
  });

  it('answers client-side routes with index.html, but a missing asset with 404', async () => {
    const route = await request(deck.url, {
      path: '/datastores/store1/content?ns=a',
      headers: { accept: 'text/html,*/*' },
    });
    expect(route.status).toBe(200);
    expect(route.text).toContain('app-Bx1.js');
    // a dot in a datastore's name or in a task's worker id does not make a route a file
    for (const path of [
      '/datastores/backup.nas',
      `/tasks/${encodeURIComponent('UPID:pbs:00000713:0034A2D1:00000001:6928B4A0:realm-sync:ldap.example:root@pam:')}`,
    ]) {
      const dotted = await request(deck.url, { path, headers: { accept: 'text/html,*/*' } });
      expect(dotted.status, path).toBe(200);
      expect(dotted.text).toContain('app-Bx1.js');
    }
    const missing = await request(deck.url, { path: '/assets/app-gone.js', headers: { accept: 'text/html,*/*' } });
    expect(missing.status).toBe(404);
    const noHtml = await request(deck.url, { path: '/datastores', headers: { accept: 'application/json' } });
    expect(noHtml.status).toBe(404);
  });

  it('answers HEAD with headers only', async () => {
    const head = await request(deck.url, { method: 'HEAD', path: '/assets/app-Bx1.js' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(APP_JS.length));
    expect(head.body.length).toBe(0);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2E%2E/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '//secret.txt',
  ])('never serves a file outside dist for %s', async (path) => {
    const res = await request(deck.url, { path, headers: { accept: 'text/html' } });
    expect(res.text).not.toContain(SECRET);
    expect([200, 400, 404]).toContain(res.status);
    if (res.status === 200) expect(res.text).toContain('app-Bx1.js');
  });
});
