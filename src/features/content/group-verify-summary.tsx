import type { VerifyShown } from '@/lib/freshness';
import { factVerify, type SnapshotFacts } from './snapshot-facts';

const cache = new WeakMap<SnapshotFacts, { hour: number; counts: Record<VerifyShown, number> }>();

export function verifyCounts(facts: SnapshotFacts, now: number): Record<VerifyShown, number> {
  const hour = Math.floor(now / 3600);
  const hit = cache.get(facts);
  if (hit?.hour === hour) return hit.counts;
  const counts: Record<VerifyShown, number> = { ok: 0, failed: 0, none: 0, outdated: 0, other: 0 };
  for (let i = 0; i < facts.time.length; i++) counts[factVerify(facts, i, now)]++;
  cache.set(facts, { hour, counts });
  return counts;
}

const PARTS: { state: VerifyShown; label: string; className: string }[] = [
  { state: 'ok', label: 'ok', className: 'text-green-800 dark:text-green-300' },
  { state: 'failed', label: 'failed', className: 'font-semibold text-red-800 dark:text-red-300' },
  { state: 'outdated', label: 'outdated', className: 'text-amber-800 dark:text-amber-300' },
  { state: 'none', label: 'not verified', className: 'text-neutral-600 dark:text-neutral-400' },
  { state: 'other', label: 'in a state PBS Deck does not know', className: 'text-neutral-700 dark:text-neutral-300' },
];

/** Counts of a group's snapshots per verify state, once its snapshots are known. */
export function GroupVerifySummary({ facts, now }: { facts: SnapshotFacts | undefined; now: number }) {
  if (!facts)
    return (
      <span
        className="text-xs text-neutral-500 dark:text-neutral-400"
        title="Known once the group's snapshots are loaded"
      >
        –
      </span>
    );
  const counts = verifyCounts(facts, now);
  const shown = PARTS.filter((p) => counts[p.state] > 0);
  return (
    <span className="truncate text-xs" title={PARTS.map((p) => `${counts[p.state]} ${p.label}`).join(', ')}>
      {shown.map((p, i) => (
        <span key={p.state} className={p.className}>
          {i > 0 ? ' · ' : ''}
          {counts[p.state]} {p.label}
        </span>
      ))}
    </span>
  );
}
