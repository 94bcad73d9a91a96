import type { GroupItem } from '@/api/schemas/content';
import { DEFAULT_THRESHOLDS, freshnessOf, type Freshness, type FreshnessThresholds } from '@/lib/freshness';
import type { GuestFacts } from './guest-facts';

export interface GuestRow {
  key: string;
  store: string;
  ns: string;
  type: string;
  id: string;
  /** the group comment, which Proxmox VE fills with the guest's name */
  name?: string;
  lastBackup: number;
  freshness: Freshness;
  snapshots: number;
  owner?: string;
  /** from the namespace's snapshot list, once read */
  facts?: GuestFacts;
}

export function guestRows(
  store: string,
  ns: string,
  groups: readonly GroupItem[],
  now: number,
  thresholds: FreshnessThresholds = DEFAULT_THRESHOLDS,
  facts?: Map<string, GuestFacts>,
): GuestRow[] {
  return groups.map((g) => {
    const group = `${g['backup-type']}/${g['backup-id']}`;
    const known = facts?.get(group);
    return {
      key: `${store}\u0000${ns}\u0000${group}`,
      store,
      ns,
      type: g['backup-type'],
      id: g['backup-id'],
      name: g.comment,
      lastBackup: g['last-backup'],
      freshness: freshnessOf(g['last-backup'], now, thresholds),
      snapshots: g['backup-count'],
      owner: g.owner,
      ...(known ? { facts: known } : {}),
    };
  });
}

const FRESHNESS_RANK: Record<Freshness, number> = { stale: 0, late: 1, fresh: 2 };
// a backup that is not known to restore comes before one verified fine; unknown (not read yet) last
const VERIFY_RANK = { failed: 0, none: 1, other: 1, outdated: 2, ok: 3 } as const;

/**
 * The guests without a fresh or verified backup first: stale, then late, then by the newest snapshot's
 * verify state; within each part the longest without a backup first.
 */
export function sortGuests(rows: readonly GuestRow[]): GuestRow[] {
  const verifyRank = (r: GuestRow) => (r.facts ? VERIFY_RANK[r.facts.verify] : 4);
  return [...rows].sort(
    (a, b) =>
      FRESHNESS_RANK[a.freshness] - FRESHNESS_RANK[b.freshness] ||
      verifyRank(a) - verifyRank(b) ||
      a.lastBackup - b.lastBackup ||
      a.key.localeCompare(b.key),
  );
}

/** Matches the guest's name or id (`101`, `vm/101`), ignoring case. */
export function matchesGuest(row: GuestRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return (
    (row.name ?? '').toLowerCase().includes(q) ||
    row.id.toLowerCase().includes(q) ||
    `${row.type}/${row.id}`.includes(q)
  );
}

/** Where the group opens in the content view. */
export function contentHref(row: GuestRow): string {
  const params = new URLSearchParams();
  if (row.ns !== '') params.set('ns', row.ns);
  params.set('q', row.id);
  return `/datastores/${encodeURIComponent(row.store)}/content?${params.toString()}`;
}

/** Thresholds from the URL (`late`, `stale`, in hours), falling back to the defaults on anything unusable. */
export function thresholdsFrom(params: URLSearchParams): FreshnessThresholds {
  const hours = (name: string, fallback: number) => {
    const v = Number(params.get(name));
    return params.has(name) && Number.isFinite(v) && v > 0 && v <= 24 * 366 ? v * 3600 : fallback;
  };
  return {
    lateAfter: hours('late', DEFAULT_THRESHOLDS.lateAfter),
    staleAfter: hours('stale', DEFAULT_THRESHOLDS.staleAfter),
  };
}
