// Synchronous SHA-1, SHA-256 and HMAC in plain TypeScript. WebCrypto is async, and the simulator answers
// requests synchronously in the browser (demo) and in Node alike, so it carries its own small digests.

export type Digest = (data: Uint8Array) => Uint8Array;
export interface HashFn {
  digest: Digest;
  blockSize: number;
}

/** Message padding of SHA-1 (big-endian 64-bit bit length). */
function pad(data: Uint8Array): DataView {
  const len = data.length;
  const total = Math.ceil((len + 9) / 64) * 64;
  const buf = new Uint8Array(total);
  buf.set(data);
  buf[len] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = len * 8;
  view.setUint32(total - 8, Math.floor(bits / 0x100000000));
  view.setUint32(total - 4, bits >>> 0);
  return view;
}

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

// SHA-256 works in place on module-level state (synchronous, so never entered twice at once): index files
// hash hundreds of thousands of chunks, and no call allocates.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const W = new Int32Array(64);
const H = new Int32Array(8);
const TAIL = new Uint8Array(128);

function block(b: Uint8Array, off: number): void {
  for (let i = 0; i < 16; i++) {
    const j = off + i * 4;
    W[i] = ((b[j] ?? 0) << 24) | ((b[j + 1] ?? 0) << 16) | ((b[j + 2] ?? 0) << 8) | (b[j + 3] ?? 0);
  }
  for (let i = 16; i < 64; i++) {
    const x = W[i - 15] ?? 0;
    const y = W[i - 2] ?? 0;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    W[i] = ((W[i - 16] ?? 0) + s0 + (W[i - 7] ?? 0) + s1) | 0;
  }
  let a = H[0] ?? 0;
  let bb = H[1] ?? 0;
  let c = H[2] ?? 0;
  let d = H[3] ?? 0;
  let e = H[4] ?? 0;
  let f = H[5] ?? 0;
  let g = H[6] ?? 0;
  let h = H[7] ?? 0;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + (K[i] ?? 0) + (W[i] ?? 0)) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = bb;
    bb = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0] ?? 0) + a;
  H[1] = (H[1] ?? 0) + bb;
  H[2] = (H[2] ?? 0) + c;
  H[3] = (H[3] ?? 0) + d;
  H[4] = (H[4] ?? 0) + e;
  H[5] = (H[5] ?? 0) + f;
  H[6] = (H[6] ?? 0) + g;
  H[7] = (H[7] ?? 0) + h;
}

/** SHA-256 of `data[from, to)`, written to `out[at, at + 32)`. */
export function sha256Into(data: Uint8Array, from: number, to: number, out: Uint8Array, at: number): void {
  H.set([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const len = to - from;
  let off = from;
  for (; off + 64 <= to; off += 64) block(data, off);
  const rest = to - off;
  TAIL.fill(0);
  TAIL.set(data.subarray(off, to));
  TAIL[rest] = 0x80;
  const tail = rest + 9 <= 64 ? 64 : 128;
  const bits = len * 8;
  const hi = Math.floor(bits / 0x100000000);
  for (let i = 0; i < 4; i++) {
    TAIL[tail - 8 + i] = (hi >>> (24 - i * 8)) & 0xff;
    TAIL[tail - 4 + i] = (bits >>> (24 - i * 8)) & 0xff;
  }
  block(TAIL, 0);
  if (tail === 128) block(TAIL, 64);
  for (let i = 0; i < 8; i++) {
    const v = H[i] ?? 0;
    out[at + i * 4] = v >>> 24;
    out[at + i * 4 + 1] = (v >>> 16) & 0xff;
    out[at + i * 4 + 2] = (v >>> 8) & 0xff;
    out[at + i * 4 + 3] = v & 0xff;
  }
}

export function sha256(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  sha256Into(data, 0, data.length, out, 0);
  return out;
}

export function sha1(data: Uint8Array): Uint8Array {
  const view = pad(data);
  const h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  const w = new Uint32Array(80);
  for (let off = 0; off < view.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!];
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) [f, k] = [(b & c) | (~b & d), 0x5a827999];
      else if (i < 40) [f, k] = [b ^ c ^ d, 0x6ed9eba1];
      else if (i < 60) [f, k] = [(b & c) | (b & d) | (c & d), 0x8f1bbcdc];
      else [f, k] = [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
  }
  return wordsToBytes(h);
}

function wordsToBytes(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const view = new DataView(out.buffer);
  words.forEach((word, i) => view.setUint32(i * 4, word));
  return out;
}

export const SHA256: HashFn = { digest: sha256, blockSize: 64 };
export const SHA1: HashFn = { digest: sha1, blockSize: 64 };

/** HMAC (RFC 2104) over any of the hashes above. */
export function hmac(hash: HashFn, key: Uint8Array, message: Uint8Array): Uint8Array {
  let k = key.length > hash.blockSize ? hash.digest(key) : key;
  const block = new Uint8Array(hash.blockSize);
  block.set(k);
  k = block;
  const inner = new Uint8Array(hash.blockSize + message.length);
  const outerKey = new Uint8Array(hash.blockSize);
  for (let i = 0; i < hash.blockSize; i++) {
    inner[i] = k[i]! ^ 0x36;
    outerKey[i] = k[i]! ^ 0x5c;
  }
  inner.set(message, hash.blockSize);
  const innerDigest = hash.digest(inner);
  const outer = new Uint8Array(hash.blockSize + innerDigest.length);
  outer.set(outerKey);
  outer.set(innerDigest, hash.blockSize);
  return hash.digest(outer);
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Constant-time comparison, as any signature check should be. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
