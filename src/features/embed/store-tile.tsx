import type { ReactNode } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { ConsoleLink } from './console-link';
import { StateChip } from './state-chip';
import { StoreFigures } from './store-figures';
import type { StoreSummary } from './store-summary';

/** One datastore as a small tile; `chart` slots in below the figures (the datastore view). */
export function StoreTile({ summary, now, chart }: { summary: StoreSummary; now: number; chart?: ReactNode }) {
  const { store, error } = summary.usage;
  return (
    <section
      aria-label={`Datastore ${store}`}
      className="flex min-w-0 flex-col gap-2 rounded-md border border-neutral-200 bg-white p-3 dark:border-neutral-700 dark:bg-neutral-900"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="truncate text-sm font-semibold">
          <ConsoleLink to={`/datastores/${encodeURIComponent(store)}`}>{store}</ConsoleLink>
        </h2>
        <StateChip verdict={summary.verdict} />
      </div>
      {error ? (
        <ErrorState title="Datastore not available" message={error} className="p-2 text-xs" />
      ) : (
        <StoreFigures summary={summary} now={now} />
      )}
      {error ? null : chart}
    </section>
  );
}
