// TOTP (RFC 6238 over RFC 4226 HOTP) as PBS configures it for authenticator apps: SHA-1, 30 s steps, 6 digits,
// accepted one step either side of now.
import { SHA1, hmac } from './sha';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(s: string): Uint8Array {
  const clean = s.toUpperCase().replace(/=+$/, '').replace(/\s/g, '');
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = B32.indexOf(ch);
    if (v < 0) throw new Error(`invalid base32 character '${ch}'`);
    acc = ((acc << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** HOTP value for one counter; `digits` up to 8 (the RFC 6238 vectors use 8). */
export function hotp(secret: Uint8Array, counter: number, digits = 6): string {
  const msg = new Uint8Array(8);
  const view = new DataView(msg.buffer);
  view.setUint32(0, Math.floor(counter / 0x100000000));
  view.setUint32(4, counter >>> 0);
  const mac = hmac(SHA1, secret, msg);
  const offset = mac[mac.length - 1]! & 0x0f;
  const code = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(code % 10 ** digits).padStart(digits, '0');
}

export const TOTP_STEP = 30;

export function totpAt(secret: Uint8Array, epochSeconds: number, digits = 6): string {
  return hotp(secret, Math.floor(epochSeconds / TOTP_STEP), digits);
}

/** The counter `code` matches within ±1 step of `epochSeconds`, or null. */
export function matchTotp(secret: Uint8Array, code: string, epochSeconds: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = Math.floor(epochSeconds / TOTP_STEP);
  for (const counter of [now - 1, now, now + 1]) {
    if (hotp(secret, counter) === code) return counter;
  }
  return null;
}
