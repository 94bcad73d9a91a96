import { usageHistoryPoints } from '@/lib/history';
import { AreaChart } from './area-chart';
import { Unknown } from './figure';

/** The month of usage PBS sends with each datastore in /status/datastore-usage: ratios, one per `history-delta` seconds. */
export interface UsageHistory {
  store: string;
  history?: readonly (number | null)[];
  'history-start'?: number;
  'history-delta'?: number;
}

const percent = (v: number) => `${Math.round(v * 100)} %`;
const day = (t: number) => new Date(t * 1000).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/** A datastore's usage over the last month, as a small area chart (the dashboard card, the embedded tile). */
export function UsageHistoryChart({ usage, height = 56 }: { usage: UsageHistory; height?: number }) {
  const { history, 'history-start': start, 'history-delta': delta } = usage;
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
        label={`Usage of ${usage.store} over the last month`}
        data={points}
        series={[{ key: 'usage', label: 'Usage' }]}
        formatValue={percent}
        formatTime={day}
        domain={[0, 1]}
        height={height}
      />
    </figure>
  );
}
