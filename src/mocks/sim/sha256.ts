// Config and chunk digests are computed inside synchronous model code (WebCrypto is async-only), with
// the simulator's one SHA-256 implementation (auth/sha.ts, also used for tickets and TOTP). Index files need
// hundreds of thousands of chunk digests and the SHA-256 of megabytes of entries, so they use sha256Into: the
// same implementation without per-call allocations, writing into the caller's buffer.
import { sha256, sha256Into, toHex, utf8 } from './auth/sha';

export { sha256Into };

export function sha256Hex(text: string): string {
  return toHex(sha256(utf8(text)));
}
