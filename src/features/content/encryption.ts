import type { SnapshotFile } from '@/api/schemas/content';

export type Encryption = 'none' | 'signed' | 'encrypted' | 'mixed';

/**
 * A snapshot's encryption as PBS's own UI sums it up: the manifest (never encrypted) and files without a
 * crypt mode (client.log.blob) do not count; all encrypted → encrypted, all signed → signed, neither → none.
 */
export function encryptionOf(files: readonly SnapshotFile[] | undefined): Encryption {
  let counted = 0;
  let encrypted = 0;
  let signed = 0;
  for (const file of files ?? []) {
    const mode = file['crypt-mode'];
    if (file.filename === 'index.json.blob' || mode === undefined) continue;
    counted++;
    if (mode === 'encrypt') encrypted++;
    else if (mode === 'sign-only') signed++;
  }
  if (encrypted + signed === 0) return 'none';
  if (encrypted === counted) return 'encrypted';
  if (signed === counted) return 'signed';
  return 'mixed';
}

export const ENCRYPTION_TEXT: Record<Encryption, string> = {
  none: 'None',
  signed: 'Signed',
  encrypted: 'Encrypted',
  mixed: 'Mixed',
};

/** PBS shows a key by the first 8 bytes of its fingerprint (`aa:bb:…`, 23 characters). */
export function keyId(fingerprint: string): string {
  return fingerprint.slice(0, 23);
}
