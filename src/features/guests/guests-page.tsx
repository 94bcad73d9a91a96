import { useDeferredValue, useState } from 'react';
import { useSearchParams } from 'react-router';
import { serverNow } from '@/api/client';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { ItemProblem } from '@/components/ui/item-problem';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { matchesGuest, thresholdsFrom } from './guest-rows';
import { GuestTable } from './guest-table';
import { ThresholdFields } from './threshold-fields';
import { useGuests } from './use-guests';

const hours = (seconds: number) => `${Math.round((seconds / 3600) * 10) / 10} h`;

/** "Is every machine backed up?": every guest across datastores and namespaces, the ones at risk first. */
export function GuestsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const deferred = useDeferredValue(q);
  const thresholds = thresholdsFrom(params);
  const [readAll, setReadAll] = useState(false);
  const now = serverNow();
  const { rows, errors, problems, loading, deferredSnapshots } = useGuests(now, thresholds, readAll);
  const shown = rows.filter((r) => matchesGuest(r, deferred));
  const stale = rows.filter((r) => r.freshness === 'stale').length;
  const late = rows.filter((r) => r.freshness === 'late').length;

  function setParam(name: string, value: string) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Guests</h1>
          <p className="text-sm text-neutral-700 dark:text-neutral-300">
            {loading
              ? 'Reading every datastore…'
              : `${rows.length} guests: ${stale} stale (no backup for ${hours(thresholds.staleAfter)}), ${late} late (over ${hours(thresholds.lateAfter)}).`}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <ThresholdFields value={thresholds} onChange={setParam} />
          <Field label="Search by name or id" className="w-64 max-w-full">
            <Input type="search" value={q} onChange={(e) => setParam('q', e.target.value)} />
          </Field>
        </div>
      </div>
      {deferredSnapshots > 0 ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          Verify state, encryption and protection are not read yet for {deferredSnapshots.toLocaleString('en-US')}{' '}
          snapshots.
          <Button variant="secondary" onClick={() => setReadAll(true)}>
            Read them
          </Button>
        </p>
      ) : null}
      {errors.map((e) => (
        <ErrorState key={e.where} title={`${e.where} could not be read`} message={e.message} />
      ))}
      {problems.length > 0 ? (
        <ul aria-label="Entries the server sent that cannot be read" className="space-y-1">
          {problems.map((p) => (
            <li key={`${p.where}:${p.what}:${p.error.index}`}>
              <ItemProblem error={p.error} what={p.what} where={p.where} />
            </li>
          ))}
        </ul>
      ) : null}
      {loading && rows.length === 0 ? <Skeleton className="h-40" label="Loading guests…" /> : null}
      {rows.length > 0 ? <GuestTable rows={shown} now={now} /> : null}
      {!loading && shown.length === 0 ? (
        <p className="text-sm">{rows.length === 0 ? 'No backups yet.' : `No guest matches “${q}”.`}</p>
      ) : null}
    </div>
  );
}
