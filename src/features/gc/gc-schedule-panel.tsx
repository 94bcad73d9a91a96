import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Figure, FigureList, Unknown } from '@/components/ui/figure';
import { Time } from '@/components/ui/time';
import { formatDuration } from '@/lib/format-time';
import { taskStatusKind } from '@/lib/task-status';
import { gcQueries } from './api';
import { GcScheduleForm } from './gc-schedule-form';

interface GcSchedulePanelProps {
  store: string;
  /** whether the user may change the datastore (Datastore.Modify): then the schedule is editable */
  canModify: boolean;
}

/** The datastore's `gc-schedule`, when it fires next and how the last run went; editable with Datastore.Modify. */
export function GcSchedulePanel({ store, canModify }: GcSchedulePanelProps) {
  const { data: job, error: jobError } = useQuery(gcQueries.status(store));
  const config = useQuery({ ...gcQueries.config(store), enabled: canModify });
  const end = job?.['last-run-endtime'];
  const state = job?.['last-run-state'];
  const kind = taskStatusKind(state ?? 'unknown');

  return (
    <Card aria-labelledby="gc-schedule-title">
      <CardHeader id="gc-schedule-title" title="Garbage collection schedule" />
      {jobError && !job ? (
        <ErrorState title="Cannot read the garbage collection job" message={jobError.message} />
      ) : null}
      <FigureList>
        <Figure label="Schedule">{job ? (job.schedule ?? <Unknown>none</Unknown>) : <Unknown />}</Figure>
        <Figure label="Next run">
          {job?.['next-run'] !== undefined ? <Time epoch={job['next-run']} /> : <Unknown>not scheduled</Unknown>}
        </Figure>
        <Figure label="Last run">
          {end !== undefined ? (
            <span className="inline-flex flex-wrap items-center justify-end gap-1">
              <Time epoch={end} />
              <Badge tone={kind === 'ok' ? 'ok' : kind === 'warning' ? 'warning' : 'error'}>{state ?? 'unknown'}</Badge>
            </span>
          ) : (
            <Unknown>{job?.upid === null ? 'never ran' : 'unknown'}</Unknown>
          )}
        </Figure>
        <Figure label="Duration of the last run">
          {job?.duration !== undefined ? (
            formatDuration(job.duration)
          ) : (
            <Unknown>{job?.upid === null ? 'never ran' : 'unknown'}</Unknown>
          )}
        </Figure>
      </FigureList>
      {canModify && config.error ? (
        <ErrorState title="Cannot read the datastore's settings" message={config.error.message} />
      ) : null}
      {canModify && config.data ? (
        <GcScheduleForm store={store} current={config.data.data['gc-schedule'] ?? ''} digest={config.data.digest} />
      ) : null}
    </Card>
  );
}
