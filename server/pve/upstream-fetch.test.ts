// @vitest-environment node
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upstreamTimeouts } from '../limits/upstream-timeouts.ts';
import { listen, type Running } from '../test-utils.ts';
import { createUpstreamFetch, type Upstream } from './upstream-fetch.ts';

// A stand-in Proxmox VE that reads every request and then answers as the path says: never, or headers and a first
// chunk and then nothing, or at once. The timeout is short on purpose: each test waits for it to fire.
describe('calls to Proxmox VE with the deck timeouts', () => {
  let pve: Running;
  let upstream: Upstream;
  let host = '';
  const open = new Set<http.ServerResponse>();

  beforeAll(async () => {
    pve = await listen(
      http.createServer((req, res) => {
        open.add(res);
        res.on('close', () => open.delete(res));
        req.resume();
        if (req.url?.endsWith('/half')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"data":[');
        } else if (req.url?.endsWith('/version')) res.writeHead(200).end('{"data":{"version":"8.4.1"}}');
      }),
    );
    host = new URL(pve.url).host;
    upstream = createUpstreamFetch(
      { url: new URL(pve.url), fingerprint: null, ca: null },
      'Proxmox VE',
      upstreamTimeouts(0.2),
    );
  });
  afterAll(async () => {
    upstream.close();
    await pve.close();
  });

  it('passes a prompt answer through', async () => {
    const res = await upstream.fetch(new Request(`${pve.url}/api2/json/version`));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"data":{"version":"8.4.1"}}');
  });

  it('gives up waiting for the headers with a 504 error naming the server, and lets go of the call', async () => {
    const failure = await upstream.fetch(new Request(`${pve.url}/api2/json/never`)).then(
      () => null,
      (e: Error & { status?: number }) => e,
    );
    expect(failure?.message).toBe(`Proxmox VE at ${host} did not answer within 0.2 s`);
    expect(failure?.status).toBe(504);
    await expect.poll(() => open.size).toBe(0);
  });

  it('cuts an answer that goes silent, naming the server', async () => {
    const res = await upstream.fetch(new Request(`${pve.url}/api2/json/half`));
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    await expect.poll(() => open.size).toBe(0);
  });
});
