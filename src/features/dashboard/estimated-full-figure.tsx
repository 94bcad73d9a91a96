import { Figure, Unknown } from '@/components/ui/figure';
import { describeEstimatedFull, estimatedFullTitle, interpretEstimatedFull } from '@/lib/estimated-full';
import type { UsageEntry } from './api';

export function EstimatedFullFigure({ entry, now }: { entry: UsageEntry; now: number }) {
  const estimate = interpretEstimatedFull(entry, now);
  const text = describeEstimatedFull(estimate, now);
  return (
    <Figure label="Estimated full">
      {estimate.kind === 'not-enough-data' ? (
        <Unknown>{text.toLowerCase()}</Unknown>
      ) : (
        <span title={estimatedFullTitle(estimate)}>{text}</span>
      )}
    </Figure>
  );
}
