import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { Bytes } from '@/components/ui/bytes';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Figure, FigureList, Unknown } from '@/components/ui/figure';
import { Skeleton } from '@/components/ui/skeleton';
import { UsageBar } from '@/components/ui/usage-bar';
import { formatDuration } from '@/lib/format-time';
import { usageLevel } from '@/lib/usage';
import { dashboardQueries } from './api';
import { SubscriptionFigure } from './subscription-figure';

export function ServerHealthCard() {
  const status = useQuery(dashboardQueries.nodeStatus());
  const version = useQuery(dashboardQueries.version());
  const s = status.data;

  return (
    <Card aria-labelledby="server-health-title">
      <CardHeader id="server-health-title" title="Server" />
      {status.isPending ? <Skeleton className="h-32" label="Loading server status…" /> : null}
      {status.error && !s ? (
        <ErrorState
          title="Cannot load server status"
          message={status.error.message}
          action={
            <Button size="sm" onClick={() => void status.refetch()}>
              Try again
            </Button>
          }
        />
      ) : null}
      {s ? (
        <div className="space-y-3">
          <div>
            <p className="mb-1 text-sm">CPU{s.cpuinfo ? ` (${s.cpuinfo.cpus} × ${s.cpuinfo.model})` : ''}</p>
            <UsageBar ratio={s.cpu} level={usageLevel(s.cpu)} label="CPU usage" />
          </div>
          <div>
            <p className="mb-1 text-sm">
              Memory: <Bytes value={s.memory.used} /> of <Bytes value={s.memory.total} />
            </p>
            <UsageBar
              ratio={s.memory.total ? s.memory.used / s.memory.total : 0}
              level={usageLevel(s.memory.total ? s.memory.used / s.memory.total : 0)}
              label="Memory usage"
            />
          </div>
          <div>
            <p className="mb-1 text-sm">
              Root disk: <Bytes value={s.root.used} /> of <Bytes value={s.root.total} />
            </p>
            <UsageBar
              ratio={s.root.total ? s.root.used / s.root.total : 0}
              level={usageLevel(s.root.total ? s.root.used / s.root.total : 0)}
              label="Root disk usage"
            />
          </div>
          <FigureList>
            <Figure label="Load average">
              {s.loadavg.length ? s.loadavg.map((l) => l.toFixed(2)).join(', ') : <Unknown />}
            </Figure>
            <Figure label="IO delay">{(s.wait * 100).toFixed(1)} %</Figure>
            <Figure label="Uptime">{formatDuration(s.uptime)}</Figure>
            <Figure label="Version">
              {version.data ? `${version.data.version}-${version.data.release}` : version.error ? <Unknown /> : '…'}
            </Figure>
            <SubscriptionFigure />
          </FigureList>
        </div>
      ) : null}
      {status.error && s ? <Badge tone="warning">Not refreshed: {status.error.message}</Badge> : null}
    </Card>
  );
}
