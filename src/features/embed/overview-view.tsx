import { worstBadgeState } from '@/lib/badge-state';
import { ConsoleLink } from './console-link';
import { StoreTile } from './store-tile';
import { SummariesGate } from './summaries-gate';
import { useStoreSummaries } from './use-store-summaries';

/** /embed/overview: every datastore as a tile, and the failed tasks of the last day. */
export function OverviewView() {
  const state = useStoreSummaries();
  return (
    <SummariesGate state={state}>
      {({ summaries, failed24h, now }) => (
        <div className="space-y-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs">
            <h1 className="text-sm font-semibold">
              Backups: {summaries.length === 0 ? 'no datastores' : worstBadgeState(summaries.map((s) => s.verdict))}
            </h1>
            <ConsoleLink to="/tasks">
              {failed24h === 0
                ? 'No failed tasks in 24 h'
                : `${failed24h} failed ${failed24h === 1 ? 'task' : 'tasks'} in 24 h`}
            </ConsoleLink>
          </div>
          <div className="grid gap-2 [grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))]">
            {summaries.map((s) => (
              <StoreTile key={s.usage.store} summary={s} now={now} />
            ))}
          </div>
        </div>
      )}
    </SummariesGate>
  );
}
