import { Badge } from '@/components/ui/badge';
import { Figure, Unknown } from '@/components/ui/figure';
import { Time } from '@/components/ui/time';
import type { VerifyHealth } from './verify-health';

function Value({ health }: { health: VerifyHealth }) {
  switch (health.kind) {
    case 'failed':
      return (
        <span className="inline-flex flex-wrap items-center justify-end gap-1">
          <Badge tone="error">failed</Badge>
          {health.at !== undefined ? <Time epoch={health.at} /> : null}
        </span>
      );
    case 'ok':
      return (
        <span className="inline-flex flex-wrap items-center justify-end gap-1">
          <Badge tone="ok">OK</Badge>
          <Time epoch={health.at} />
        </span>
      );
    case 'outdated':
      return (
        <span className="inline-flex flex-wrap items-center justify-end gap-1">
          <Badge tone="warning">older than 30 days</Badge>
          <Time epoch={health.at} />
        </span>
      );
    case 'never':
      return <Badge tone="warning">never verified</Badge>;
    case 'unknown':
      return <Unknown>unknown ({health.reason})</Unknown>;
  }
}

export function VerifyFigure({ health }: { health: VerifyHealth }) {
  return (
    <Figure label="Verification">
      <Value health={health} />
    </Figure>
  );
}
