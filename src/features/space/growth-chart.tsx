import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useServerZone } from '@/components/ui/server-zone';
import { formatBytes } from '@/lib/format-bytes';
import { formatDateTime, viewerTimeZone } from '@/lib/format-time';
import { byteTicks, type GrowthPoint } from './space-charts';
import { partColor } from './split-bar';

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
}

function isPoint(v: unknown): v is GrowthPoint {
  return typeof v === 'object' && v !== null && 'time' in v && 'added' in v;
}

function GrowthTooltip({ active, payload }: TooltipProps) {
  const serverZone = useServerZone();
  const point = payload?.[0]?.payload;
  if (!active || !isPoint(point)) return null;
  const showServer = serverZone && serverZone !== viewerTimeZone();
  return (
    <div className="rounded border border-neutral-200 bg-white px-2 py-1 text-xs text-neutral-900 shadow dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100">
      <p className="font-medium">{formatDateTime(point.time, { withZone: true })}</p>
      {showServer ? (
        <p>
          {formatDateTime(point.time, { timeZone: serverZone, withZone: true })} (server, {serverZone})
        </p>
      ) : null}
      <p>
        Added {formatBytes(point.added)} ({point.chunks.toLocaleString('en')} chunks)
      </p>
    </div>
  );
}

/** Bytes each backup added, one bar per backup, backup times in the viewer's zone on the x axis. */
export function GrowthChart({
  label,
  points,
  height = 200,
}: {
  label: string;
  points: GrowthPoint[];
  height?: number;
}) {
  const time = (epoch: number) => formatDateTime(epoch);
  const ticks = byteTicks(Math.max(0, ...points.map((p) => p.added)));
  return (
    <div role="img" aria-label={label} data-testid="chart" style={{ height }} className="w-full min-w-0 text-xs">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height }}>
        <BarChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid
            strokeDasharray="3 3"
            vertical={false}
            className="stroke-neutral-200 dark:stroke-neutral-700"
          />
          <XAxis dataKey="time" type="category" tickFormatter={time} minTickGap={40} interval="preserveStartEnd" />
          <YAxis
            tickFormatter={formatBytes}
            ticks={ticks}
            domain={[0, ticks.at(-1) ?? 0]}
            width={72}
            tick={{ fontSize: 11 }}
          />
          <Tooltip content={<GrowthTooltip />} cursor={{ fillOpacity: 0.1 }} />
          <Bar dataKey="added" name="Added" fill={partColor('added', 0)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
