import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { TaskStatusFilter } from '@/api/schemas/tasks';
import { STATUS_FILTERS, type TaskFilters } from './task-filters';

interface TaskFiltersFormProps {
  filters: TaskFilters;
  /** Datastores to offer in the datastore filter. */
  stores: string[];
  onChange: (next: Partial<TaskFilters>) => void;
}

const field =
  'h-8 rounded-md border border-neutral-300 bg-white px-2 text-sm dark:border-neutral-600 dark:bg-neutral-900';
const labelText = 'text-xs font-medium text-neutral-700 dark:text-neutral-300';

// PBS matches the type as a substring of the worker type: `verif` finds verify, verify_group… and verificationjob.
const TYPES: [value: string, text: string][] = [
  ['verif', 'Verify'],
  ['garbage_collection', 'Garbage collection'],
  ['prune', 'Prune'],
  ['sync', 'Sync'],
  ['backup', 'Backup'],
  ['reader', 'Restore (reader)'],
];
const STATUS_TEXT: Record<TaskStatusFilter, string> = {
  ok: 'OK',
  warning: 'Warnings',
  error: 'Errors',
  unknown: 'Unknown',
};

/** The task list's filters, each applied as it changes (the user name on Enter or when leaving the field). */
export function TaskFiltersForm({ filters, stores, onChange }: TaskFiltersFormProps) {
  const [user, setUser] = useState(filters.user);
  const [seenUser, setSeenUser] = useState(filters.user);
  if (filters.user !== seenUser) {
    setSeenUser(filters.user);
    setUser(filters.user);
  }
  const types =
    TYPES.some(([v]) => v === filters.type) || !filters.type
      ? TYPES
      : [...TYPES, [filters.type, filters.type] as [string, string]];
  const backwards = filters.since && filters.until && filters.until < filters.since;
  const toggleStatus = (s: TaskStatusFilter, on: boolean) =>
    onChange({ status: on ? [...filters.status, s] : filters.status.filter((x) => x !== s) });

  return (
    <form
      role="search"
      aria-label="Filter tasks"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ user: user.trim() });
      }}
    >
      <label className="flex flex-col gap-1">
        <span className={labelText}>Type</span>
        <select className={field} value={filters.type} onChange={(e) => onChange({ type: e.target.value })}>
          <option value="">Any</option>
          {types.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelText}>Datastore</span>
        <select className={field} value={filters.store} onChange={(e) => onChange({ store: e.target.value })}>
          <option value="">Any</option>
          {[...new Set([...stores, ...(filters.store ? [filters.store] : [])])].sort().map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelText}>User contains</span>
        <input
          className={`${field} w-40`}
          value={user}
          placeholder="e.g. root@pam"
          onChange={(e) => setUser(e.target.value)}
          onBlur={() => onChange({ user: user.trim() })}
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelText}>Started from</span>
        <input
          type="date"
          className={field}
          value={filters.since}
          onChange={(e) => onChange({ since: e.target.value })}
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className={labelText}>to</span>
        <input
          type="date"
          className={field}
          value={filters.until}
          aria-invalid={backwards ? true : undefined}
          aria-describedby={backwards ? 'task-until-error' : undefined}
          onChange={(e) => onChange({ until: e.target.value })}
        />
      </label>
      <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <legend className={`${labelText} mb-1`}>Status</legend>
        {STATUS_FILTERS.map((s) => (
          <label key={s} className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={filters.status.includes(s)}
              onChange={(e) => toggleStatus(s, e.target.checked)}
            />
            {STATUS_TEXT[s]}
          </label>
        ))}
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={filters.running} onChange={(e) => onChange({ running: e.target.checked })} />
          Only running
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={filters.errors} onChange={(e) => onChange({ errors: e.target.checked })} />
          Hide OK tasks
        </label>
      </fieldset>
      <Button type="submit" size="sm">
        Apply
      </Button>
      {backwards ? (
        <p id="task-until-error" role="alert" className="basis-full text-sm text-red-800 dark:text-red-300">
          The last day is before the first day: no task can match.
        </p>
      ) : null}
    </form>
  );
}
