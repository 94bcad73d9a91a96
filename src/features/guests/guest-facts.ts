import type { SnapshotItem } from '@/api/schemas/content';
import { parseUpid } from '@/api/upid';
import { verifyShown, type VerifyShown } from '@/lib/freshness';
import { isOneOf } from '@/lib/item-error';

/** `other`: a crypt mode PBS Deck does not know, shown as PBS wrote it (`otherText`). */
export type Encryption = 'none' | 'signed' | 'encrypted' | 'other';

/** What a guest's snapshot list adds to its row: known only once that list is read. */
export interface GuestFacts {
  /** the newest snapshot's verify state, as shown (ok older than 30 days: outdated) */
  verify: VerifyShown;
  /** when that snapshot was last verified (the verify task's start), if it was */
  verifiedAt?: number;
  /** the newest snapshot's encryption */
  encryption: Encryption;
  /** the verify state or crypt mode PBS Deck does not know, as PBS wrote it, where `verify` or `encryption` is `other` */
  verifyText?: string;
  encryptionText?: string;
  protectedCount: number;
}

const KNOWN_MODES = ['none', 'encrypt', 'sign-only'] as const;

/** A crypt mode of the snapshot's files PBS Deck does not know, as PBS wrote it. */
function otherMode(s: SnapshotItem): string | undefined {
  return (s.files ?? []).map((f) => f['crypt-mode']).find((m) => m !== undefined && !isOneOf(KNOWN_MODES, m));
}

export function encryptionOf(s: SnapshotItem): Encryption {
  const modes = (s.files ?? []).map((f) => f['crypt-mode']);
  if (otherMode(s) !== undefined) return 'other';
  if (modes.includes('encrypt')) return 'encrypted';
  return modes.includes('sign-only') ? 'signed' : 'none';
}

/** Facts per group (`type/id`) of one namespace's snapshot list. */
export function guestFacts(snapshots: readonly SnapshotItem[], now: number): Map<string, GuestFacts> {
  const newest = new Map<string, SnapshotItem>();
  const protectedCount = new Map<string, number>();
  for (const s of snapshots) {
    const key = `${s['backup-type']}/${s['backup-id']}`;
    const n = newest.get(key);
    if (!n || s['backup-time'] > n['backup-time']) newest.set(key, s);
    if (s.protected) protectedCount.set(key, (protectedCount.get(key) ?? 0) + 1);
  }
  const out = new Map<string, GuestFacts>();
  for (const [key, s] of newest) {
    const upid = s.verification?.upid;
    const verifiedAt = upid ? parseUpid(upid)?.starttime : undefined;
    const verify = verifyShown(s.verification?.state, verifiedAt, now);
    const encryption = encryptionOf(s);
    out.set(key, {
      verify,
      ...(verify === 'other' && { verifyText: s.verification?.state }),
      ...(verifiedAt === undefined ? {} : { verifiedAt }),
      encryption,
      ...(encryption === 'other' && { encryptionText: otherMode(s) }),
      protectedCount: protectedCount.get(key) ?? 0,
    });
  }
  return out;
}
