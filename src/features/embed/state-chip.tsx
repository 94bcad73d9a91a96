import { Badge, type Tone } from '@/components/ui/badge';
import type { BadgeVerdict } from '@/lib/badge-state';

const tone: Record<BadgeVerdict['state'], Tone> = { ok: 'ok', warning: 'warning', full: 'error', failing: 'error' };

/** The same verdict as the status badges, in words; the reasons on hover and for screen readers. */
export function StateChip({ verdict }: { verdict: BadgeVerdict }) {
  const reasons = verdict.reasons.join('; ');
  return (
    <Badge tone={tone[verdict.state]} title={reasons || undefined}>
      {verdict.state}
      {reasons ? <span className="sr-only">: {reasons}</span> : null}
    </Badge>
  );
}
