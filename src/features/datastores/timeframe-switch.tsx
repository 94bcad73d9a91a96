import type { RrdCf, RrdTimeframe } from '@/api/schemas/node';

export const timeframes: { value: RrdTimeframe; label: string }[] = [
  { value: 'hour', label: 'Hour' },
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'year', label: 'Year' },
];

interface TimeframeSwitchProps {
  timeframe: RrdTimeframe;
  cf: RrdCf;
  onChange: (timeframe: RrdTimeframe, cf: RrdCf) => void;
}

const selectClass =
  'h-8 rounded-md border border-neutral-300 bg-white px-2 text-sm dark:border-neutral-600 dark:bg-neutral-800';

export function TimeframeSwitch({ timeframe, cf, onChange }: TimeframeSwitchProps) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label className="flex items-center gap-1">
        Timeframe
        <select
          className={selectClass}
          value={timeframe}
          onChange={(e) => onChange(timeframes.find((t) => t.value === e.target.value)?.value ?? timeframe, cf)}
        >
          {timeframes.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        Values
        <select
          className={selectClass}
          value={cf}
          onChange={(e) => onChange(timeframe, e.target.value === 'MAX' ? 'MAX' : 'AVERAGE')}
        >
          <option value="AVERAGE">Average</option>
          <option value="MAX">Maximum</option>
        </select>
      </label>
    </div>
  );
}
