// @vitest-environment node
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, request, startDeck, type Running } from '../test-utils.ts';
import { MAX_ANSWER_BYTES } from './answer-cap.ts';

const TOKEN = 'audit@pbs!dashboard:0b1c2d3e-secret-4f5a';

/**
 * A stand-in PBS whose datastore list is one byte over the cap: announced in Content-Length on one path, streamed
 * without a length on the other, and just under the cap on a third.
 */
async function hugePbs() {
  const over = Buffer.alloc(MAX_ANSWER_BYTES + 1, 0x20);
  const under = Buffer.concat([Buffer.from('{"data":[]}'), Buffer.alloc(MAX_ANSWER_BYTES - 11, 0x20)]);
  const server = http.createServer((req, res) => {
    req.resume();
    if (req.url?.includes('/announced/')) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(over.length) });
      res.end(over);
    } else if (req.url?.includes('/streamed/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let at = 0; at < over.length; at += 65536) res.write(over.subarray(at, at + 65536));
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(under.length) });
      res.end(under);
    }
  });
  const running = await listen(server);
  return { ...running, host: new URL(running.url).host };
}

describe('an answer from PBS over the size limit on the paths that need no login', () => {
  let pbs: Awaited<ReturnType<typeof hugePbs>>;
  let deck: Running;

  beforeAll(async () => {
    pbs = await hugePbs();
    deck = await startDeck({ PBS_URL: pbs.url, EMBED_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await deck.close();
    await pbs.close();
  });

  it('is answered 502 "answer too large" naming the server, whether its length was announced or not', async () => {
    for (const store of ['announced', 'streamed']) {
      const res = await request(`${deck.url}/embed-api/api2/json/admin/datastore/${store}/status`);
      expect(res.status, store).toBe(502);
      expect(res.text, store).toBe(`answer too large: PBS at ${pbs.host} sent more than 4 MiB`);
    }
  });

  it('lets an answer just under the limit through', async () => {
    const res = await request(`${deck.url}/embed-api/api2/json/admin/datastore/small/status`);
    expect(res.status).toBe(200);
    expect(res.text.length).toBe(MAX_ANSWER_BYTES);
  });
});
