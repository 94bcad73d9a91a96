import type { RrdCf, RrdTimeframe } from '@/api/schemas/node';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';

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

export function TimeframeSwitch({ timeframe, cf, onChange }: TimeframeSwitchProps) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Field label="Timeframe" size="sm" layout="inline">
        <Select
          value={timeframe}
          onChange={(e) => onChange(timeframes.find((t) => t.value === e.target.value)?.value ?? timeframe, cf)}
        >
          {timeframes.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Values" size="sm" layout="inline">
        <Select value={cf} onChange={(e) => onChange(timeframe, e.target.value === 'MAX' ? 'MAX' : 'AVERAGE')}>
          <option value="AVERAGE">Average</option>
          <option value="MAX">Maximum</option>
        </Select>
      </Field>
    </div>
  );
}
