import { useQuery } from '@tanstack/react-query';
import { CalendarClock, Database, HardDriveDownload, LayoutDashboard, ListChecks, Monitor, Wrench } from 'lucide-react';
import { NavLink } from 'react-router';
import { cn } from '@/components/ui/cn';
import { FreeText } from '@/components/ui/free-text';
import { ItemProblem } from '@/components/ui/item-problem';
import { datastoreQueries } from './api';
import { shownText } from '@/lib/free-text';
import { describeMaintenance } from '@/lib/maintenance';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-neutral-800 no-underline hover:bg-neutral-100 hover:no-underline dark:text-neutral-200 dark:hover:bg-neutral-800',
    isActive && 'bg-accent-50 font-medium text-accent-900 dark:bg-accent-950 dark:text-accent-100',
  );

export function DatastoreNav() {
  const { data, error, isPending } = useQuery(datastoreQueries.list());

  return (
    <nav aria-label="Main" className="flex flex-col gap-1 p-2">
      <NavLink to="/" end className={linkClass}>
        <LayoutDashboard aria-hidden className="size-4" />
        Dashboard
      </NavLink>
      <NavLink to="/guests" className={linkClass}>
        <Monitor aria-hidden className="size-4" />
        Guests
      </NavLink>
      <NavLink to="/jobs" className={linkClass}>
        <CalendarClock aria-hidden className="size-4" />
        Jobs
      </NavLink>
      <NavLink to="/tasks" end className={linkClass}>
        <ListChecks aria-hidden className="size-4" />
        Tasks
      </NavLink>
      {/* Not a heading: the navigation comes before the page's h1 in the document. */}
      <p
        id="nav-datastores"
        className="mt-3 px-2 text-xs font-semibold tracking-wide text-neutral-600 uppercase dark:text-neutral-400"
      >
        Datastores
      </p>
      {isPending ? <p className="px-2 text-sm text-neutral-600 dark:text-neutral-400">Loading…</p> : null}
      {error && !data ? (
        <p className="px-2 text-sm text-red-700 dark:text-red-300">Cannot list datastores: {error.message}</p>
      ) : null}
      {data?.items.length === 0 && data.failed.length === 0 ? (
        <p className="px-2 text-sm text-neutral-600 dark:text-neutral-400">No datastores</p>
      ) : null}
      <ul aria-labelledby="nav-datastores" className="flex flex-col gap-0.5">
        {data?.failed.map((f) => (
          <li key={`#${f.index}`} className="px-2 py-1">
            <ItemProblem error={f} what="datastore" className="text-xs" />
          </li>
        ))}
        {[...(data?.items ?? [])]
          .sort((a, b) => a.store.localeCompare(b.store))
          .map((ds) => {
            const maintenance = describeMaintenance(ds.maintenance);
            const unmounted = ds['mount-status'] === 'notmounted';
            return (
              <li key={ds.store}>
                <NavLink
                  to={`/datastores/${encodeURIComponent(ds.store)}`}
                  className={linkClass}
                  title={maintenance ?? (ds.comment === null ? undefined : shownText(ds.comment, 200).text)}
                >
                  <Database aria-hidden className="size-4 shrink-0" />
                  <span className="truncate">
                    <FreeText text={ds.store} />
                  </span>
                  {maintenance ? (
                    <span className="ml-auto inline-flex items-center gap-0.5 text-xs text-amber-800 dark:text-amber-300">
                      <Wrench aria-hidden className="size-3.5" />
                      <span className="sr-only">{maintenance}</span>
                    </span>
                  ) : null}
                  {unmounted ? (
                    <span className="ml-auto inline-flex items-center gap-0.5 text-xs text-neutral-600 dark:text-neutral-400">
                      <HardDriveDownload aria-hidden className="size-3.5" />
                      not mounted
                    </span>
                  ) : null}
                </NavLink>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
