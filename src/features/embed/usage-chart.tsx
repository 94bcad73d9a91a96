import { AreaChart } from '@/components/ui/area-chart';
import type { DatastoreUsageItem } from '@/api/schemas/datastore';
import { usageHistoryPoints } from '@/lib/history';

const percent = (v: number) => `${Math.round(v * 100)} %`;
const day = (t: number) => new Date(t * 1000).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/** The month of usage PBS keeps with the usage list: no extra request. Loaded lazily (charts are heavy). */
export function UsageChart({ usage }: { usage: DatastoreUsageItem }) {
  const { history, 'history-start': start, 'history-delta': delta } = usage;
  if (!history || start === undefined || delta === undefined || history.every((v) => v === null)) {
    return <p className="text-xs text-neutral-600 dark:text-neutral-400">No usage history yet.</p>;
  }
  const points = usageHistoryPoints(history, start, delta).map((p) => ({ time: p.time, usage: p.value }));
  return (
    <figure>
      <figcaption className="text-xs text-neutral-600 dark:text-neutral-400">Usage, last month</figcaption>
      <AreaChart
        compact
        label={`Usage of ${usage.store} over the last month`}
        data={points}
        series={[{ key: 'usage', label: 'Usage' }]}
        formatValue={percent}
        formatTime={day}
        domain={[0, 1]}
        height={72}
      />
    </figure>
  );
}
