import type { ChartSeries } from './chart-types';
import { seriesColor } from './chart-types';

interface TooltipPayloadItem {
  dataKey?: unknown;
  value?: unknown;
}

interface ChartTooltipProps {
  active?: boolean;
  label?: unknown;
  payload?: readonly TooltipPayloadItem[];
  series: ChartSeries[];
  formatValue: (value: number) => string;
  formatTime: (epoch: number) => string;
}

export function ChartTooltip({ active, label, payload, series, formatValue, formatTime }: ChartTooltipProps) {
  if (!active || !payload?.length || typeof label !== 'number') return null;
  return (
    <div className="rounded border border-neutral-200 bg-white px-2 py-1 text-xs shadow dark:border-neutral-700 dark:bg-neutral-900">
      <p className="font-medium">{formatTime(label)}</p>
      {series.map((s, i) => {
        const item = payload.find((p) => p.dataKey === s.key);
        const v = item?.value;
        return (
          <p key={s.key} className="flex items-center gap-1">
            <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: seriesColor(i) }} />
            {s.label}: {typeof v === 'number' ? formatValue(v) : 'no data'}
          </p>
        );
      })}
    </div>
  );
}
