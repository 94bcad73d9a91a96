import { useQuery } from '@tanstack/react-query';
import { SchemaError } from '@/api/client';
import { Bytes } from '@/components/ui/bytes';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Figure, FigureList } from '@/components/ui/figure';
import { Skeleton } from '@/components/ui/skeleton';
import { UsageBar } from '@/components/ui/usage-bar';
import { usageLevel, usageRatio } from '@/lib/usage';
import { datastoreQueries } from './api';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const typeLabels = { vm: 'VM', ct: 'CT', host: 'Host', other: 'Other' } as const;

export function UsagePanel({ store }: { store: string }) {
  const { data, error, isPending, refetch } = useQuery(datastoreQueries.status(store));
  const ratio = (data ? usageRatio(data) : null) ?? 0;
  const counts = data?.counts
    ? (Object.keys(typeLabels) as (keyof typeof typeLabels)[]).filter((t) => data.counts?.[t])
    : [];

  return (
    <Card aria-labelledby="usage-title">
      <CardHeader id="usage-title" title="Usage" />
      {isPending ? <Skeleton className="h-28" label="Loading usage…" /> : null}
      {error && !data ? (
        <ErrorState
          title={error instanceof SchemaError ? 'Cannot show the usage' : 'Datastore is not available'}
          message={error.message}
          action={
            <Button size="sm" onClick={() => void refetch()}>
              Try again
            </Button>
          }
        />
      ) : null}
      {data ? (
        <div className="space-y-3">
          <p className="text-sm">
            <Bytes value={data.used} /> used of <Bytes value={data.used + data.avail} />
          </p>
          <UsageBar ratio={ratio} level={usageLevel(ratio)} label={`Usage of ${store}`} />
          <FigureList>
            <Figure label="Available">
              <Bytes value={data.avail} />
            </Figure>
            <Figure label="File system size">
              <Bytes value={data.total} />
            </Figure>
            {counts.length === 0 ? <Figure label="Backups">none</Figure> : null}
            {counts.map((t) => (
              <Figure key={t} label={`${typeLabels[t]} backups`}>
                {plural(data.counts?.[t]?.groups ?? 0, 'group')}, {plural(data.counts?.[t]?.snapshots ?? 0, 'snapshot')}
              </Figure>
            ))}
          </FigureList>
        </div>
      ) : null}
    </Card>
  );
}
