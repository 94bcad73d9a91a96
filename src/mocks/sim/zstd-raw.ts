// A zstd encoder without compression: one frame of raw blocks (RFC 8878 §3.1.1). Valid zstd that every
// decoder (zstd -d, tar --zstd) reads; the simulator has no zstd in the browser or in Node 20's zlib.
const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
/** Frame_Header_Descriptor: no single-segment, no checksum, no dictionary, no content size field */
const DESCRIPTOR = 0x00;
/** Window_Descriptor: exponent 7, mantissa 0 → 2^(10+7) = 128 KiB window */
const WINDOW = 7 << 3;
/** raw blocks may not exceed min(window size, 128 KiB) */
export const MAX_BLOCK = 128 * 1024;

function blockHeader(size: number, last: boolean): Uint8Array {
  const v = (size << 3) | (0 << 1) | (last ? 1 : 0); // Block_Type 0 = Raw_Block
  return Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff);
}

/** Wraps a byte stream into a zstd frame; blocks are cut at 128 KiB, the final one is marked last. */
export function zstdRawStream(input: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = input.getReader();
  let pending: Uint8Array = new Uint8Array(0);
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(Uint8Array.of(...MAGIC, DESCRIPTOR, WINDOW));
      }
      // keep more than one block buffered: only then is it known whether a block is the last one
      while (!done && pending.length <= MAX_BLOCK) {
        const r = await reader.read();
        if (r.done) done = true;
        else pending = concat(pending, r.value);
      }
      if (pending.length > MAX_BLOCK) {
        controller.enqueue(concat(blockHeader(MAX_BLOCK, false), pending.subarray(0, MAX_BLOCK)));
        pending = pending.slice(MAX_BLOCK);
        return;
      }
      controller.enqueue(concat(blockHeader(pending.length, true), pending));
      controller.close();
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** The whole frame at once (tests, small inputs). */
export function zstdRaw(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(...MAGIC, DESCRIPTOR, WINDOW)];
  let off = 0;
  do {
    const n = Math.min(MAX_BLOCK, data.length - off);
    parts.push(blockHeader(n, off + n >= data.length), data.subarray(off, off + n));
    off += n;
  } while (off < data.length);
  return concatAll(parts);
}

export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export function concatAll(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
