import { Link } from 'react-router';
import type { DatastoreListItem } from '@/api/schemas/datastore';
import type { GcJobStatus } from '@/api/schemas/gc';
import type { TaskListItem } from '@/api/schemas/tasks';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { FreeText } from '@/components/ui/free-text';
import { FigureList } from '@/components/ui/figure';
import { UsageHistoryChart } from '@/components/ui/usage-history-chart';
import type { UsageEntry } from './api';
import { CountsFigure } from './counts-figure';
import { EstimatedFullFigure } from './estimated-full-figure';
import { GcFigures } from './gc-figures';
import { StoreMarks } from '@/components/ui/store-marks';
import { isUnmounted } from './store-marks';
import { UsageBlock } from './usage-block';
import { VerifyFigure } from './verify-figure';
import type { VerifyHealth } from './verify-health';

export interface DatastoreCardData {
  entry: UsageEntry;
  info: DatastoreListItem | undefined;
  gcJob: GcJobStatus | undefined;
  runningGc: TaskListItem | undefined;
  verify: VerifyHealth;
}

function CardTitle({ store, unnamed }: { store: string; unnamed: boolean }) {
  return (
    <h3 className="truncate text-base font-semibold">
      {unnamed ? (
        store
      ) : (
        <Link to={`/datastores/${encodeURIComponent(store)}`}>
          <FreeText text={store} max={120} />
        </Link>
      )}
    </h3>
  );
}

export function DatastoreCard({ data, now }: { data: DatastoreCardData; now: number }) {
  const { entry, info, gcJob, runningGc, verify } = data;
  const unmounted = isUnmounted(info, entry['mount-status']);
  return (
    <Card aria-label={`Datastore ${entry.store}`} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <CardTitle store={entry.store} unnamed={entry.unnamed} />
        <StoreMarks
          maintenance={info?.maintenance}
          mountStatus={entry['mount-status'] ?? info?.['mount-status']}
          backendType={entry['backend-type'] ?? info?.['backend-type']}
        />
      </div>
      {entry.problem ? (
        <ErrorState title="Some of this datastore's figures cannot be read" message={entry.problem.message} />
      ) : null}
      {entry.error ? (
        <ErrorState title="Datastore not available" message={entry.error} />
      ) : unmounted ? (
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          This removable datastore is not mounted; no figures until it is.
        </p>
      ) : (
        <>
          <UsageBlock entry={entry} />
          <UsageHistoryChart usage={entry} />
          <FigureList>
            <EstimatedFullFigure entry={entry} now={now} />
            <GcFigures gc={entry.gc} job={gcJob} running={runningGc} />
            <CountsFigure store={entry.store} enabled={!info?.maintenance?.includes('offline')} />
            <VerifyFigure health={verify} />
          </FigureList>
        </>
      )}
    </Card>
  );
}
