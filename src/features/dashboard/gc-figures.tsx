import type { GcJobStatus } from '@/api/schemas/gc';
import type { TaskListItem } from '@/api/schemas/tasks';
import { parseUpid } from '@/api/upid';
import { Badge } from '@/components/ui/badge';
import { Bytes } from '@/components/ui/bytes';
import { Figure, Unknown } from '@/components/ui/figure';
import { Time } from '@/components/ui/time';
import { dedupFactor, formatDedupFactor } from '@/lib/dedup';
import { taskStatusKind } from '@/lib/task-status';
import type { UsageEntry } from './api';

/** PBS shows 1.00 without GC data; with half-known figures the factor is not known. */
function dedupText(gc: UsageEntry['gc']) {
  if (!gc || gc.upid === null) return formatDedupFactor(1);
  const index = gc['index-data-bytes'];
  const disk = gc['disk-bytes'];
  if (index === undefined || disk === undefined) return <Unknown />;
  return formatDedupFactor(dedupFactor({ 'index-data-bytes': index, 'disk-bytes': disk }));
}

interface GcFiguresProps {
  gc: UsageEntry['gc'];
  job: GcJobStatus | undefined;
  running: TaskListItem | undefined;
}

function LastGc({ gc, job, running }: GcFiguresProps) {
  if (running) {
    return (
      <Badge tone="info">
        running since <Time epoch={running.starttime} />
      </Badge>
    );
  }
  const upid = job ? job.upid : gc?.upid;
  const end = job?.['last-run-endtime'];
  const state = job?.['last-run-state'];
  if (upid === null && end === undefined) return <Unknown>never ran</Unknown>;
  if (end !== undefined) {
    const kind = state ? taskStatusKind(state) : 'unknown';
    const tone = kind === 'ok' ? 'ok' : kind === 'warning' ? 'warning' : kind === 'error' ? 'error' : 'neutral';
    return (
      <span className="inline-flex flex-wrap items-center justify-end gap-1">
        <Time epoch={end} />
        <Badge tone={tone}>{state ?? 'result unknown'}</Badge>
      </span>
    );
  }
  const started = upid ? parseUpid(upid)?.starttime : undefined;
  if (started !== undefined) {
    return (
      <span>
        started <Time epoch={started} />, <Unknown>end unknown</Unknown>
      </span>
    );
  }
  return <Unknown />;
}

export function GcFigures({ gc, job, running }: GcFiguresProps) {
  const removed = gc?.['removed-bytes'];
  const pending = gc?.['pending-bytes'];
  const stillBad = gc?.['still-bad'];
  return (
    <>
      <Figure label="Deduplication factor">{dedupText(gc)}</Figure>
      <Figure label="Last garbage collection">
        <LastGc gc={gc} job={job} running={running} />
      </Figure>
      <Figure label="GC removed / pending">
        {removed !== undefined ? <Bytes value={removed} /> : <Unknown />} /{' '}
        {pending !== undefined ? <Bytes value={pending} /> : <Unknown />}
      </Figure>
      {stillBad ? (
        <Figure label="Bad chunks">
          <Badge tone="error">{stillBad} bad</Badge>
        </Figure>
      ) : null}
    </>
  );
}
