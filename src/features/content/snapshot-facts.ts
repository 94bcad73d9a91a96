import type { SnapshotItem } from '@/api/schemas/content';
import { parseUpid } from '@/api/upid';
import { verifyShown, type VerifyShown } from '@/lib/freshness';
import { encryptionOf, type Encryption } from './encryption';

const VERIFY = [undefined, 'ok', 'failed'] as const;
/** The fact for a verify state PBS Deck does not know. */
const VERIFY_OTHER = 3;
export const ENCRYPTIONS: readonly Encryption[] = ['none', 'signed', 'encrypted', 'mixed', 'other'];

/** What the snapshot filters look at, one column per fact; index i is the i-th snapshot of the list. */
export interface SnapshotFacts {
  time: Float64Array;
  /** 0 never verified, 1 ok, 2 failed, 3 a state PBS Deck does not know */
  verify: Uint8Array;
  /** start of the last verify (from its UPID), NaN when unknown */
  verifiedAt: Float64Array;
  /** index into ENCRYPTIONS */
  encryption: Uint8Array;
  protect: Uint8Array;
}

/** When the snapshot's last verify ran: the start time in its task id (PBS keeps no other date). */
export function verifiedAt(snapshot: SnapshotItem): number | undefined {
  const upid = snapshot.verification?.upid;
  return upid ? parseUpid(upid)?.starttime : undefined;
}

export function snapshotVerify(snapshot: SnapshotItem, now: number): VerifyShown {
  return verifyShown(snapshot.verification?.state, verifiedAt(snapshot), now);
}

export function snapshotFacts(list: readonly SnapshotItem[]): SnapshotFacts {
  const n = list.length;
  const facts: SnapshotFacts = {
    time: new Float64Array(n),
    verify: new Uint8Array(n),
    verifiedAt: new Float64Array(n),
    encryption: new Uint8Array(n),
    protect: new Uint8Array(n),
  };
  list.forEach((s, i) => {
    facts.time[i] = s['backup-time'];
    const state = s.verification?.state;
    facts.verify[i] = state === undefined ? 0 : state === 'ok' ? 1 : state === 'failed' ? 2 : VERIFY_OTHER;
    facts.verifiedAt[i] = verifiedAt(s) ?? Number.NaN;
    facts.encryption[i] = ENCRYPTIONS.indexOf(encryptionOf(s.files));
    facts.protect[i] = s.protected ? 1 : 0;
  });
  return facts;
}

export function factVerify(facts: SnapshotFacts, i: number, now: number): VerifyShown {
  const at = facts.verifiedAt[i] ?? Number.NaN;
  const code = facts.verify[i] ?? 0;
  if (code === VERIFY_OTHER) return 'other';
  return verifyShown(VERIFY[code], Number.isNaN(at) ? undefined : at, now);
}

export interface SortedSnapshots {
  /** newest first */
  list: readonly SnapshotItem[];
  facts: SnapshotFacts;
}

const sortedCache = new WeakMap<readonly SnapshotItem[], SortedSnapshots>();

/** A group's snapshots newest first with their facts, computed once per fetched list. */
export function sortedSnapshots(list: readonly SnapshotItem[]): SortedSnapshots {
  let hit = sortedCache.get(list);
  if (!hit) {
    const sorted = [...list].sort((a, b) => b['backup-time'] - a['backup-time']);
    hit = { list: sorted, facts: snapshotFacts(sorted) };
    sortedCache.set(list, hit);
  }
  return hit;
}
