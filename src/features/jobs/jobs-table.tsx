import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { serverNow } from '@/api/client';
import { ErrorState } from '@/components/ui/error-state';
import { ItemProblem } from '@/components/ui/item-problem';
import { Skeleton } from '@/components/ui/skeleton';
import { jobQueries, type JobListResult } from './api';
import {
  gcRow,
  KIND_LABEL,
  pruneRow,
  rowKey,
  sortJobRows,
  syncRow,
  verifyRow,
  type JobKind,
  type JobRow,
} from './job-rows';

import { JobTableRow } from './job-table-row';
import { RunJobButton } from './run-job-button';

interface KindState {
  kind: JobKind;
  query: UseQueryResult<JobListResult<unknown>>;
  rows: JobRow[];
}

interface JobsTableProps {
  /** Only this datastore's jobs. */
  store?: string;
  /** The row's run button where the user may start the job (the route asks PBS), or what stands in its place. */
  runGate: (row: JobRow, button: ReactNode) => ReactNode;
  /** Edit, remove, history: what the route composes for the row's kind. */
  rowActions?: (row: JobRow) => ReactNode;
}

/** Every GC, verify, prune and sync job in one table, failed and overdue first. */
export function JobsTable({ store, runGate, rowActions }: JobsTableProps) {
  const gc = useQuery(jobQueries.gc(store));
  const verify = useQuery(jobQueries.verify(store));
  const prune = useQuery(jobQueries.prune(store));
  const sync = useQuery(jobQueries.sync(store));
  const now = serverNow();
  const kinds: KindState[] = [
    { kind: 'gc', query: gc, rows: gc.data?.available ? gc.data.jobs.map((j) => gcRow(j, now)) : [] },
    {
      kind: 'verify',
      query: verify,
      rows: verify.data?.available ? verify.data.jobs.map((j) => verifyRow(j, now)) : [],
    },
    { kind: 'prune', query: prune, rows: prune.data?.available ? prune.data.jobs.map((j) => pruneRow(j, now)) : [] },
    { kind: 'sync', query: sync, rows: sync.data?.available ? sync.data.jobs.map((j) => syncRow(j, now)) : [] },
  ];
  const rows = sortJobRows(kinds.flatMap((k) => k.rows));
  // jobs the server sent unreadable: first, each naming its field (a job that cannot be read cannot be trusted to run)
  const failed = kinds.flatMap(({ kind, query }) =>
    query.data?.available ? query.data.failed.map((error) => ({ kind, error })) : [],
  );
  const results = kinds.map((k) => k.query);
  const loading = results.some((r) => r.isPending);
  return (
    <div className="space-y-3">
      {kinds.map(({ kind, query: r }) => {
        if (r.data && !r.data.available) {
          return (
            <p key={kind} className="text-sm text-neutral-600 dark:text-neutral-400">
              {KIND_LABEL[kind]} jobs are unavailable here: {r.data.reason}
            </p>
          );
        }
        if (r.error && !r.data)
          return (
            <ErrorState
              key={kind}
              title={`Cannot read the ${KIND_LABEL[kind].toLowerCase()} jobs`}
              message={r.error.message}
            />
          );
        return null;
      })}
      {loading && rows.length === 0 ? <Skeleton className="h-32" label="Loading jobs…" /> : null}
      {!loading && rows.length === 0 && failed.length === 0 ? (
        <p className="text-sm">No jobs{store ? ` on ${store}` : ''}.</p>
      ) : null}
      {rows.length > 0 || failed.length > 0 ? (
        <table className="w-full border-collapse text-left text-sm max-md:block">
          <caption className="sr-only">{store ? `Jobs of ${store}` : 'All jobs'}, failed and overdue first</caption>
          <thead className="max-md:sr-only">
            <tr className="text-xs text-neutral-600 dark:text-neutral-400">
              {['Job', 'Datastore', 'Namespace', 'Schedule', 'Next run', 'Last run', 'Actions'].map((h) => (
                <th key={h} scope="col" className="px-2 py-1 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="max-md:block max-md:space-y-3">
            {failed.map(({ kind, error }) => (
              <tr
                key={`${kind}:${error.index}`}
                className="border-t border-neutral-200 max-md:block dark:border-neutral-800"
              >
                <td colSpan={7} className="px-2 py-2 max-md:block">
                  <ItemProblem error={error} what={`${KIND_LABEL[kind].toLowerCase()} job`} />
                </td>
              </tr>
            ))}
            {rows.map((row) => (
              <JobTableRow
                key={rowKey(row)}
                row={row}
                run={runGate(row, <RunJobButton row={row} />)}
                actions={rowActions?.(row)}
              />
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
