import { AreaChart } from '@/components/ui/area-chart';
import { Unknown } from '@/components/ui/figure';
import { usageHistoryPoints } from '@/lib/history';
import type { UsageEntry } from './api';

const percent = (v: number) => `${Math.round(v * 100)} %`;
const day = (t: number) => new Date(t * 1000).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

export function HistoryChart({ entry }: { entry: UsageEntry }) {
  const { history, 'history-start': start, 'history-delta': delta } = entry;
  if (!history || start === undefined || delta === undefined || history.every((v) => v === null)) {
    return (
      <p className="text-xs">
        Usage history: <Unknown>no history yet</Unknown>
      </p>
    );
  }
  const points = usageHistoryPoints(history, start, delta).map((p) => ({ time: p.time, usage: p.value }));
  return (
    <figure>
      <figcaption className="text-xs text-neutral-600 dark:text-neutral-400">Usage, last month</figcaption>
      <AreaChart
        compact
        label={`Usage of ${entry.store} over the last month`}
        data={points}
        series={[{ key: 'usage', label: 'Usage' }]}
        formatValue={percent}
        formatTime={day}
        domain={[0, 1]}
        height={56}
      />
    </figure>
  );
}
