import { NavLink } from 'react-router';
import { cn } from '@/components/ui/cn';

const tabClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'rounded-t-md border-b-2 px-3 py-1.5 text-sm no-underline hover:no-underline',
    isActive
      ? 'border-accent-600 font-medium text-accent-900 dark:text-accent-100'
      : 'border-transparent text-neutral-700 hover:border-neutral-300 dark:text-neutral-300',
  );

/** The views of one datastore; the route modules put it above their feature. */
export function DatastoreTabs({ store }: { store: string }) {
  const base = `/datastores/${encodeURIComponent(store)}`;
  return (
    <nav
      aria-label={`Datastore ${store}`}
      className="mb-4 flex gap-1 border-b border-neutral-200 dark:border-neutral-800"
    >
      <NavLink to={base} end className={tabClass}>
        Summary
      </NavLink>
      <NavLink to={`${base}/content`} className={tabClass}>
        Content
      </NavLink>
      <NavLink to={`${base}/jobs`} className={tabClass}>
        Jobs
      </NavLink>
      <NavLink to={`${base}/space`} className={tabClass}>
        Space
      </NavLink>
    </nav>
  );
}
