// SHA-256 certificate fingerprints as Proxmox VE shows them: 32 hex bytes joined by colons.
// Users paste them in any case, with or without colons, so both forms are accepted.

const HEX64 = /^[0-9a-f]{64}$/i;

/** `AA:BB:…` (upper case, colons) for a valid SHA-256 fingerprint, or null. */
export function normalizeFingerprint(input: string): string | null {
  const hex = input.trim().replace(/:/g, '');
  if (!HEX64.test(hex)) return null;
  return hex.toUpperCase().match(/../g)!.join(':');
}
