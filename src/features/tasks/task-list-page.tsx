import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { serverNow } from '@/api/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { taskQueries } from './api';
import { hasNextPage, PAGE_SIZE, parseTaskFilters, taskFiltersSearch, type TaskFilters } from './task-filters';
import { TaskFiltersForm } from './task-filters-form';
import { TaskPager } from './task-pager';
import { TaskTable } from './task-table';

/** Every task PBS lists for this user, filtered and paged as PBS does it; the filters live in the URL. */
export function TaskListPage() {
  const [search, setSearch] = useSearchParams();
  const filters = parseTaskFilters(search);
  const list = useQuery({ ...taskQueries.list(filters), placeholderData: keepPreviousData });
  const { data: stores } = useQuery(taskQueries.stores());
  const sent = list.data?.data ?? [];
  // PBS sends at most a page; a server that sends more would have the page render them all
  const rows = sent.length > PAGE_SIZE ? sent.slice(0, PAGE_SIZE) : sent;
  const update = (next: Partial<TaskFilters>) => setSearch(taskFiltersSearch({ ...filters, start: 0, ...next }));

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Tasks</h1>
      <TaskFiltersForm filters={filters} stores={(stores ?? []).map((s) => s.store)} onChange={update} />
      <Card aria-label="Task list" aria-busy={list.isFetching && list.isPlaceholderData ? true : undefined}>
        {list.isPending ? <Skeleton className="h-60" label="Loading tasks…" /> : null}
        {list.error && !list.data ? (
          <ErrorState
            title="Cannot list the tasks"
            message={list.error.message}
            action={
              <Button size="sm" onClick={() => void list.refetch()}>
                Try again
              </Button>
            }
          />
        ) : null}
        {list.data && rows.length === 0 ? <p className="text-sm">No task matches these filters.</p> : null}
        {sent.length > rows.length ? (
          <p role="status" className="mb-2 text-sm text-amber-800 dark:text-amber-300">
            The server sent {sent.length.toLocaleString('en')} tasks for a page of {PAGE_SIZE}: the first {PAGE_SIZE}{' '}
            are shown.
          </p>
        ) : null}
        {rows.length > 0 ? <TaskTable rows={rows} now={serverNow()} /> : null}
        {list.data ? (
          <div className="mt-3">
            <TaskPager
              start={filters.start}
              shown={rows.length}
              hasNext={hasNextPage(filters.start, rows.length, list.data.total)}
              pageSize={PAGE_SIZE}
              onStart={(start) => setSearch(taskFiltersSearch({ ...filters, start }))}
            />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
