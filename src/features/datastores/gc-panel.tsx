import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Bytes } from '@/components/ui/bytes';
import { Card, CardHeader } from '@/components/ui/card';
import { Figure, FigureList, Unknown } from '@/components/ui/figure';
import { Time } from '@/components/ui/time';
import { dedupFactor, formatDedupFactor } from '@/lib/dedup';
import { datastoreQueries } from './api';

/** Statistics of the last garbage collection, from the (polled) status, and its run from the GC job. */
export function GcPanel({ store, actions }: { store: string; actions?: ReactNode }) {
  const { data: status } = useQuery(datastoreQueries.status(store));
  const { data: job, error: jobError } = useQuery(datastoreQueries.gc(store));
  const gc = status?.['gc-status'] ?? job;
  const end = job?.['last-run-endtime'];

  return (
    <Card aria-labelledby="gc-title">
      <CardHeader id="gc-title" title="Garbage collection" actions={actions} />
      <FigureList>
        <Figure label="Deduplication factor">{formatDedupFactor(dedupFactor(gc))}</Figure>
        <Figure label="Last run">
          {end !== undefined ? (
            <span className="inline-flex flex-wrap items-center justify-end gap-1">
              <Time epoch={end} />
              <Badge tone={job?.['last-run-state'] === 'OK' ? 'ok' : 'warning'}>
                {job?.['last-run-state'] ?? 'result unknown'}
              </Badge>
            </span>
          ) : gc?.upid === null ? (
            <Unknown>never ran</Unknown>
          ) : (
            <Unknown title={jobError?.message} />
          )}
        </Figure>
        <Figure label="Schedule">{job ? (job.schedule ?? 'none') : <Unknown />}</Figure>
        <Figure label="Next run">
          {job?.['next-run'] !== undefined ? <Time epoch={job['next-run']} /> : <Unknown>not scheduled</Unknown>}
        </Figure>
        <Figure label="Removed">
          {gc ? (
            <>
              <Bytes value={gc['removed-bytes']} /> ({gc['removed-chunks']} chunks)
            </>
          ) : (
            <Unknown />
          )}
        </Figure>
        <Figure label="Pending">
          {gc ? (
            <>
              <Bytes value={gc['pending-bytes']} /> ({gc['pending-chunks']} chunks)
            </>
          ) : (
            <Unknown />
          )}
        </Figure>
        <Figure label="On disk">
          {gc ? (
            <>
              <Bytes value={gc['disk-bytes']} /> ({gc['disk-chunks']} chunks)
            </>
          ) : (
            <Unknown />
          )}
        </Figure>
        <Figure label="Bad chunks">
          {gc ? gc['still-bad'] > 0 ? <Badge tone="error">{gc['still-bad']} bad</Badge> : 'none' : <Unknown />}
        </Figure>
      </FigureList>
    </Card>
  );
}
