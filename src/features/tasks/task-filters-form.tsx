import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/components/ui/cn';
import { Field } from '@/components/ui/field';
import { labelVariants } from '@/components/ui/field-control';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { TaskStatusFilter } from '@/api/schemas/tasks';
import { STATUS_FILTERS, type TaskFilters } from './task-filters';

interface TaskFiltersFormProps {
  filters: TaskFilters;
  /** Datastores to offer in the datastore filter. */
  stores: string[];
  onChange: (next: Partial<TaskFilters>) => void;
}

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
      <Field label="Type" size="sm">
        <Select value={filters.type} onChange={(e) => onChange({ type: e.target.value })}>
          <option value="">Any</option>
          {types.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Datastore" size="sm">
        <Select value={filters.store} onChange={(e) => onChange({ store: e.target.value })}>
          <option value="">Any</option>
          {[...new Set([...stores, ...(filters.store ? [filters.store] : [])])].sort().map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="User contains" size="sm">
        <Input
          className="w-40"
          value={user}
          placeholder="e.g. root@pam"
          onChange={(e) => setUser(e.target.value)}
          onBlur={() => onChange({ user: user.trim() })}
        />
      </Field>
      <Field label="Started from" size="sm">
        <Input type="date" value={filters.since} onChange={(e) => onChange({ since: e.target.value })} />
      </Field>
      <Field label="to" size="sm">
        <Input
          type="date"
          value={filters.until}
          aria-invalid={backwards ? true : undefined}
          aria-describedby={backwards ? 'task-until-error' : undefined}
          onChange={(e) => onChange({ until: e.target.value })}
        />
      </Field>
      <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <legend className={cn(labelVariants({ size: 'sm' }), 'mb-1')}>Status</legend>
        {STATUS_FILTERS.map((s) => (
          <Checkbox
            key={s}
            label={STATUS_TEXT[s]}
            checked={filters.status.includes(s)}
            onChange={(e) => toggleStatus(s, e.target.checked)}
          />
        ))}
        <Checkbox
          label="Only running"
          checked={filters.running}
          onChange={(e) => onChange({ running: e.target.checked })}
        />
        <Checkbox
          label="Hide OK tasks"
          checked={filters.errors}
          onChange={(e) => onChange({ errors: e.target.checked })}
        />
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
