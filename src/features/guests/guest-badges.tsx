import { Lock, ShieldCheck } from 'lucide-react';
import { Badge, type Tone } from '@/components/ui/badge';
import { OtherBadge } from '@/components/ui/enum-badge';
import { formatRelative } from '@/lib/format-time';
import type { Freshness, VerifyShown } from '@/lib/freshness';
import type { GuestFacts } from './guest-facts';

const FRESHNESS: Record<Freshness, [Tone, string]> = {
  fresh: ['ok', 'Fresh'],
  late: ['warning', 'Late'],
  stale: ['error', 'Stale'],
};
const VERIFY: Record<Exclude<VerifyShown, 'other'>, [Tone, string]> = {
  ok: ['ok', 'Verified'],
  outdated: ['warning', 'Verified, outdated'],
  failed: ['error', 'Verify failed'],
  none: ['neutral', 'Not verified'],
};

export function FreshnessBadge({ value }: { value: Freshness }) {
  const [tone, text] = FRESHNESS[value];
  return <Badge tone={tone}>{text}</Badge>;
}

/** The newest snapshot's verification, with its age when known; "…" while the snapshot list loads. */
export function VerifyCell({ facts, now }: { facts: GuestFacts | undefined; now: number }) {
  if (!facts) return <span className="text-neutral-600 dark:text-neutral-400">…</span>;
  if (facts.verify === 'other') return <OtherBadge value={facts.verifyText ?? ''} />;
  const [tone, text] = VERIFY[facts.verify];
  return (
    <>
      <Badge tone={tone}>{text}</Badge>
      {facts.verifiedAt !== undefined ? (
        <div className="text-xs text-neutral-600 dark:text-neutral-400">{formatRelative(facts.verifiedAt, now)}</div>
      ) : null}
    </>
  );
}

export function EncryptionCell({ facts }: { facts: GuestFacts | undefined }) {
  if (!facts) return <span className="text-neutral-600 dark:text-neutral-400">…</span>;
  if (facts.encryption === 'other') return <OtherBadge value={facts.encryptionText ?? ''} />;
  if (facts.encryption === 'encrypted') {
    return (
      <span className="inline-flex items-center gap-1">
        <Lock aria-hidden className="size-3.5" /> Encrypted
      </span>
    );
  }
  if (facts.encryption === 'signed') {
    return (
      <span className="inline-flex items-center gap-1">
        <ShieldCheck aria-hidden className="size-3.5" /> Signed
      </span>
    );
  }
  return <span className="text-neutral-700 dark:text-neutral-300">None</span>;
}
