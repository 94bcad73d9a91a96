import type { SnapshotItem } from '@/api/schemas/content';
import { parseUpid } from '@/api/upid';
import { verifyShown, type VerifyShown } from '@/lib/freshness';

export type Encryption = 'none' | 'signed' | 'encrypted';

/** What a guest's snapshot list adds to its row: known only once that list is read. */
export interface GuestFacts {
  /** the newest snapshot's verify state, as shown (ok older than 30 days: outdated) */
  verify: VerifyShown;
  /** when that snapshot was last verified (the verify task's start), if it was */
  verifiedAt?: number;
  /** the newest snapshot's encryption */
  encryption: Encryption;
  protectedCount: number;
}

export function encryptionOf(s: SnapshotItem): Encryption {
  const modes = (s.files ?? []).map((f) => f['crypt-mode']);
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
    out.set(key, {
      verify: verifyShown(s.verification?.state, verifiedAt, now),
      ...(verifiedAt === undefined ? {} : { verifiedAt }),
      encryption: encryptionOf(s),
      protectedCount: protectedCount.get(key) ?? 0,
    });
  }
  return out;
}
