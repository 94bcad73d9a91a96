import { Badge, type Tone } from '@/components/ui/badge';
import { OtherBadge } from '@/components/ui/enum-badge';
import { formatDateTime } from '@/lib/format-time';
import type { VerifyShown } from '@/lib/freshness';

const LOOK: Record<Exclude<VerifyShown, 'other'>, { tone: Tone; text: string }> = {
  ok: { tone: 'ok', text: 'OK' },
  failed: { tone: 'error', text: 'Failed' },
  none: { tone: 'neutral', text: 'None' },
  outdated: { tone: 'warning', text: 'Outdated' },
};

/** A snapshot's verify state; the time of the last verify on hover. `raw`: the state as PBS wrote it. */
export function VerifyBadge({ state, at, raw }: { state: VerifyShown; at?: number; raw?: string }) {
  if (state === 'other') return <OtherBadge value={raw ?? ''} />;
  const look = LOOK[state];
  const when =
    at !== undefined ? `verified ${formatDateTime(at)}` : state === 'none' ? 'never verified' : 'verify time unknown';
  return (
    <Badge tone={look.tone} title={when}>
      {look.text}
    </Badge>
  );
}
