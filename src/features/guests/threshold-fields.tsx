import type { FreshnessThresholds } from '@/lib/freshness';

interface ThresholdFieldsProps {
  value: FreshnessThresholds;
  /** hours, as typed; an empty field restores the default */
  onChange: (name: 'late' | 'stale', hours: string) => void;
}

const input =
  'w-20 rounded-md border border-neutral-300 bg-white px-2 py-1 tabular-nums dark:border-neutral-600 dark:bg-neutral-950';

/** Where "late" and "stale" begin, in hours since the last backup. */
export function ThresholdFields({ value, onChange }: ThresholdFieldsProps) {
  return (
    <fieldset className="flex flex-wrap items-end gap-3 text-sm">
      <legend className="sr-only">Freshness thresholds</legend>
      <label>
        <span className="mb-1 block">Late after (hours)</span>
        <input
          type="number"
          min={1}
          className={input}
          value={value.lateAfter / 3600}
          onChange={(e) => onChange('late', e.target.value)}
        />
      </label>
      <label>
        <span className="mb-1 block">Stale after (hours)</span>
        <input
          type="number"
          min={1}
          className={input}
          value={value.staleAfter / 3600}
          onChange={(e) => onChange('stale', e.target.value)}
        />
      </label>
    </fieldset>
  );
}
