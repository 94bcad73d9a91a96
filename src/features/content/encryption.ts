import type { SnapshotFile } from '@/api/schemas/content';

/** `other`: a file has a crypt mode PBS Deck does not know (a newer PBS's); shown as PBS wrote it. */
export type Encryption = 'none' | 'signed' | 'encrypted' | 'mixed' | 'other';

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
    else if (mode !== 'none') return 'other';
  }
  if (encrypted + signed === 0) return 'none';
  if (encrypted === counted) return 'encrypted';
  if (signed === counted) return 'signed';
  return 'mixed';
}

export const ENCRYPTION_TEXT: Record<Exclude<Encryption, 'other'>, string> = {
  none: 'None',
  signed: 'Signed',
  encrypted: 'Encrypted',
  mixed: 'Mixed',
};

/** The first crypt mode of `files` PBS Deck does not know, as PBS wrote it. */
export function otherCryptMode(files: readonly SnapshotFile[] | undefined): string | undefined {
  for (const file of files ?? []) {
    const mode = file['crypt-mode'];
    if (mode !== undefined && mode !== 'none' && mode !== 'encrypt' && mode !== 'sign-only') return mode;
  }
  return undefined;
}

/** A file's crypt mode in words; undefined for one PBS Deck does not know. */
export function cryptModeText(mode: SnapshotFile['crypt-mode']): string | undefined {
  if (mode === 'none') return 'None';
  if (mode === 'sign-only') return 'Signed';
  if (mode === 'encrypt') return 'Encrypted';
  return undefined;
}

/** PBS shows a key by the first 8 bytes of its fingerprint (`aa:bb:…`, 23 characters). */
export function keyId(fingerprint: string): string {
  return fingerprint.slice(0, 23);
}
