// The raw-block zstd frames decode with the real zstd tool (the CI installs it).
import { execFileSync } from 'node:child_process';
import { zstdRaw, zstdRawStream } from './zstd-raw';

const zstdDecode = (frame: Uint8Array) => execFileSync('zstd', ['-d', '-c', '-q'], { input: frame });

const sample = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + (i >> 9)) & 0xff);

async function streamed(parts: Uint8Array[]): Promise<Uint8Array> {
  const input = new ReadableStream<Uint8Array>({
    start(c) {
      for (const p of parts) c.enqueue(p);
      c.close();
    },
  });
  return new Uint8Array(await new Response(zstdRawStream(input)).arrayBuffer());
}

describe('zstd raw frames', () => {
  it('decode with zstd -d, empty, small and over several 128 KiB blocks', () => {
    for (const n of [0, 1, 1000, 128 * 1024, 128 * 1024 + 1, 400_000]) {
      const data = sample(n);
      expect(Buffer.from(zstdDecode(zstdRaw(data))).equals(Buffer.from(data))).toBe(true);
    }
  });

  it('stream the same frame as the whole-buffer encoder, whatever the input chunks', async () => {
    const data = sample(300_000);
    const parts = [
      data.subarray(0, 7),
      data.subarray(7, 140_000),
      data.subarray(140_000, 140_001),
      data.subarray(140_001),
    ];
    const out = await streamed(parts);
    expect(Buffer.from(out).equals(Buffer.from(zstdRaw(data)))).toBe(true);
    expect(Buffer.from(zstdDecode(out)).equals(Buffer.from(data))).toBe(true);
    expect(Buffer.from(zstdDecode(await streamed([])))).toHaveLength(0);
  });
});
