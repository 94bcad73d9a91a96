// Config and chunk digests are computed inside synchronous model code (WebCrypto is async-only), with
// the simulator's one SHA-256 implementation (auth/sha.ts, also used for tickets and TOTP).
import { sha256, toHex, utf8 } from './auth/sha';

export function sha256Hex(text: string): string {
  return toHex(sha256(utf8(text)));
}
