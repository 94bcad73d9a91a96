import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { RrdCf } from '@/api/schemas/node';
import { AreaChart } from '@/components/ui/area-chart';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { LineChart } from '@/components/ui/line-chart';
import { Skeleton } from '@/components/ui/skeleton';
import { formatBytes } from '@/lib/format-bytes';
import { datastoreQueries } from './api';
import { rrdSeries } from './rrd-series';
import { timeframes, TimeframeSwitch } from './timeframe-switch';

const bytesPerSecond = (v: number) => `${formatBytes(v)}/s`;
const opsPerSecond = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)}/s`;
const ms = (v: number) => `${v.toFixed(2)} ms`;

function timeLabel(span: string) {
  return (t: number) => {
    const d = new Date(t * 1000);
    return span === 'hour' || span === 'day'
      ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
      : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  };
}

export function RrdCharts({ store }: { store: string }) {
  const [params, setParams] = useSearchParams();
  const timeframe = timeframes.find((t) => t.value === params.get('timeframe'))?.value ?? 'day';
  const cf: RrdCf = params.get('cf') === 'MAX' ? 'MAX' : 'AVERAGE';
  const { data, error, isPending } = useQuery(datastoreQueries.rrd(store, timeframe, cf));
  const series = data ? rrdSeries(data) : null;
  const formatTime = timeLabel(timeframe);
  const span = timeframes.find((t) => t.value === timeframe)?.label.toLowerCase() ?? timeframe;

  return (
    <Card aria-labelledby="rrd-title">
      <CardHeader
        id="rrd-title"
        title="Statistics"
        actions={
          <TimeframeSwitch
            timeframe={timeframe}
            cf={cf}
            onChange={(tf, c) =>
              setParams((p) => ({ ...Object.fromEntries(p), timeframe: tf, cf: c }), { replace: true })
            }
          />
        }
      />
      {isPending ? <Skeleton className="h-48" label="Loading statistics…" /> : null}
      {error && !data ? <ErrorState title="Cannot load statistics" message={error.message} /> : null}
      {series ? (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-2">
          <ChartBlock title="Storage usage">
            <AreaChart
              label={`Storage usage, last ${span}`}
              data={series.usage}
              series={[
                { key: 'total', label: 'Total' },
                { key: 'used', label: 'Used' },
              ]}
              formatValue={formatBytes}
              formatTime={formatTime}
            />
          </ChartBlock>
          <ChartBlock title="Transfer rate">
            <LineChart
              label={`Transfer rate, last ${span}`}
              data={series.transfer}
              series={[
                { key: 'read', label: 'Read' },
                { key: 'write', label: 'Write' },
              ]}
              formatValue={bytesPerSecond}
              formatTime={formatTime}
            />
          </ChartBlock>
          <ChartBlock title="Input/output operations per second">
            <LineChart
              label={`IOPS, last ${span}`}
              data={series.iops}
              series={[
                { key: 'read', label: 'Read' },
                { key: 'write', label: 'Write' },
              ]}
              formatValue={opsPerSecond}
              formatTime={formatTime}
            />
          </ChartBlock>
          {series.ioDelay ? (
            <ChartBlock title="IO delay">
              <LineChart
                label={`IO delay, last ${span}`}
                data={series.ioDelay}
                series={[{ key: 'delay', label: 'IO delay' }]}
                formatValue={ms}
                formatTime={formatTime}
              />
            </ChartBlock>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

function ChartBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h3 className="mb-1 text-sm font-medium">{title}</h3>
      {children}
    </div>
  );
}
