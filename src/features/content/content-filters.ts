// Search and filters of the content view, as they stand in the URL, and how they match groups and snapshots.
import type { GroupItem } from '@/api/schemas/content';
import type { VerifyShown } from '@/lib/freshness';
import { factVerify, ENCRYPTIONS, type SnapshotFacts } from './snapshot-facts';

/** The verify states a filter picks; a state PBS Deck does not know is shown, not offered as a filter. */
export type VerifyFilter = Exclude<VerifyShown, 'other'>;
export const VERIFY_FILTERS: readonly VerifyFilter[] = ['ok', 'failed', 'none', 'outdated'];
export const ENCRYPTION_FILTERS = ['none', 'signed', 'encrypted'] as const;
export type EncryptionFilter = (typeof ENCRYPTION_FILTERS)[number];

/** The URL's view of the filters: strings as typed, '' for "any". */
export interface ContentFilters {
  q: string;
  /** YYYY-MM-DD, inclusive, in the viewer's zone */
  from: string;
  to: string;
  verify: VerifyFilter | '';
  enc: EncryptionFilter | '';
  prot: 'yes' | 'no' | '';
}

export const FILTER_KEYS = ['q', 'from', 'to', 'verify', 'enc', 'prot'] as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | '' =>
  list.includes(v as T) ? (v as T) : '';

export function parseFilters(params: URLSearchParams): ContentFilters {
  const day = (v: string | null) => (v && DAY.test(v) ? v : '');
  return {
    q: params.get('q') ?? '',
    from: day(params.get('from')),
    to: day(params.get('to')),
    verify: oneOf(VERIFY_FILTERS, params.get('verify')),
    enc: oneOf(ENCRYPTION_FILTERS, params.get('enc')),
    prot: oneOf(['yes', 'no'] as const, params.get('prot')),
  };
}

/** Local midnight of a YYYY-MM-DD day, in epoch seconds. */
export function dayStart(day: string): number {
  const m = DAY.exec(day);
  if (!m) return Number.NaN;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() / 1000;
}

/** The snapshot part of the filters, ready to test many snapshots; null when no snapshot filter is set. */
export interface SnapshotMatcher {
  key: string;
  test(facts: SnapshotFacts, i: number): boolean;
}

export function snapshotMatcher(f: ContentFilters, now: number): SnapshotMatcher | null {
  if (!f.from && !f.to && !f.verify && !f.enc && !f.prot) return null;
  const from = f.from ? dayStart(f.from) : Number.NEGATIVE_INFINITY;
  // the whole "to" day counts: up to the next local midnight (DST-safe through Date)
  const toDay = f.to ? dayStart(f.to) : Number.NaN;
  const to = Number.isNaN(toDay)
    ? Number.POSITIVE_INFINITY
    : new Date(toDay * 1000 + 36 * 3600_000).setHours(0, 0, 0, 0) / 1000;
  const enc = f.enc;
  const encryptedIdx = ENCRYPTIONS.indexOf('encrypted');
  const mixedIdx = ENCRYPTIONS.indexOf('mixed');
  const prot = f.prot === 'yes' ? 1 : f.prot === 'no' ? 0 : -1;
  return {
    key: `${f.from}|${f.to}|${f.verify}|${f.enc}|${f.prot}|${f.verify === 'outdated' || f.verify === 'ok' ? Math.floor(now / 3600) : ''}`,
    test(facts, i) {
      const time = facts.time[i] ?? 0;
      if (time < from || time >= to) return false;
      if (prot >= 0 && facts.protect[i] !== prot) return false;
      if (enc) {
        const e = facts.encryption[i] ?? 0;
        // a mixed snapshot holds encrypted archives: it answers "encrypted"
        const ok = enc === 'encrypted' ? e === encryptedIdx || e === mixedIdx : ENCRYPTIONS[e] === enc;
        if (!ok) return false;
      }
      return !f.verify || factVerify(facts, i, now) === f.verify;
    },
  };
}

export function countMatches(facts: SnapshotFacts, matcher: SnapshotMatcher): number {
  let n = 0;
  for (let i = 0; i < facts.time.length; i++) if (matcher.test(facts, i)) n++;
  return n;
}

/** The group fields the search box looks at, in the order they are shown. */
export function groupSearchFields(group: GroupItem): string[] {
  return [`${group['backup-type']}/${group['backup-id']}`, group.comment ?? '', group.owner ?? ''];
}

/** Case-insensitive substring match on type, id, `type/id`, guest name (comment) and owner. */
export function groupMatchesText(group: GroupItem, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (needle === '') return true;
  return groupSearchFields(group).some((field) => field.toLowerCase().includes(needle));
}
