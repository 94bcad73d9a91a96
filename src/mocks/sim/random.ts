// Seeded randomness: everything the simulator invents comes from the seed, so a seed reproduces a state.

import { prng } from '@/lib/prng';

export { prng };

/** FNV-1a, for deriving stable sub-seeds from names. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A value in [0,1) fixed by the seed and the key: same question, same answer, no state. */
export function unit(seed: number, key: string): number {
  return prng(hash32(key) ^ seed)();
}

export function intIn(seed: number, key: string, min: number, max: number): number {
  return min + Math.floor(unit(seed, key) * (max - min + 1));
}

export function hexOf(seed: number, key: string, len: number): string {
  const r = prng(hash32(key) ^ seed);
  let s = '';
  while (s.length < len)
    s += Math.floor(r() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, len);
}
