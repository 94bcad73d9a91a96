import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { FreshnessThresholds } from '@/lib/freshness';

interface ThresholdFieldsProps {
  value: FreshnessThresholds;
  /** hours, as typed; an empty field restores the default */
  onChange: (name: 'late' | 'stale', hours: string) => void;
}

/** Where "late" and "stale" begin, in hours since the last backup. */
export function ThresholdFields({ value, onChange }: ThresholdFieldsProps) {
  return (
    <fieldset className="flex flex-wrap items-end gap-3 text-sm">
      <legend className="sr-only">Freshness thresholds</legend>
      <Field label="Late after (hours)">
        <Input
          type="number"
          min={1}
          className="w-20 tabular-nums"
          value={value.lateAfter / 3600}
          onChange={(e) => onChange('late', e.target.value)}
        />
      </Field>
      <Field label="Stale after (hours)">
        <Input
          type="number"
          min={1}
          className="w-20 tabular-nums"
          value={value.staleAfter / 3600}
          onChange={(e) => onChange('stale', e.target.value)}
        />
      </Field>
    </fieldset>
  );
}
