import {
  Area,
  AreaChart as ReAreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartTooltip } from './chart-tooltip';
import { seriesColor, type ChartProps } from './chart-types';

export function AreaChart({ label, data, series, formatValue, formatTime, height = 180, domain, compact }: ChartProps) {
  return (
    <div role="img" aria-label={label} data-testid="chart" style={{ height }} className="w-full text-xs">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height }}>
        <ReAreaChart data={data} margin={{ top: 4, right: compact ? 0 : 8, bottom: 0, left: 0 }}>
          {compact ? null : (
            <CartesianGrid strokeDasharray="3 3" className="stroke-neutral-200 dark:stroke-neutral-700" />
          )}
          <XAxis
            dataKey="time"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={formatTime}
            hide={compact}
            minTickGap={40}
          />
          <YAxis
            domain={domain ?? [0, 'auto']}
            tickFormatter={formatValue}
            hide={compact}
            width={88}
            tick={{ fontSize: 11 }}
          />
          <Tooltip content={<ChartTooltip series={series} formatValue={formatValue} formatTime={formatTime} />} />
          {compact ? null : <Legend />}
          {series.map((s, i) => (
            <Area
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={seriesColor(i)}
              fill={seriesColor(i)}
              fillOpacity={0.15}
              strokeWidth={1.5}
              isAnimationActive={false}
              type="monotone"
            />
          ))}
        </ReAreaChart>
      </ResponsiveContainer>
    </div>
  );
}
