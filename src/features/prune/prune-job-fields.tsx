import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { serverNow } from '@/api/client';
import { ScheduleField } from '@/components/ui/schedule-field';
import { pruneQueries } from './api';
import type { PruneJobForm } from './job-params';
import { KeepFields } from './keep-fields';

interface PruneJobFieldsProps {
  form: PruneJobForm;
  onChange: (next: PruneJobForm) => void;
  isCreate: boolean;
  /** the datastore is fixed (the page is a datastore's) */
  fixedStore: boolean;
  /** the server's messages per parameter */
  errors: Record<string, string>;
  zone?: string;
}

const input =
  'w-full rounded-md border border-neutral-300 bg-white px-2 py-1 dark:border-neutral-600 dark:bg-neutral-800';

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="text-xs text-red-700 dark:text-red-300">
      {message}
    </span>
  ) : null;
}

/** The inputs of a prune job; the schedule is required, everything optional may stay empty. */
export function PruneJobFields({ form, onChange, isCreate, fixedStore, errors, zone }: PruneJobFieldsProps) {
  const id = useId();
  const set = <K extends keyof PruneJobForm>(key: K, value: PruneJobForm[K]) => onChange({ ...form, [key]: value });
  const stores = useQuery({ ...pruneQueries.datastores(), enabled: isCreate && !fixedStore });
  const namespaces = useQuery({ ...pruneQueries.namespaces(form.store), enabled: form.store !== '' });
  const text = (key: 'id' | 'maxDepth' | 'comment', param: string, label: string, hint?: string) => (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={`${id}-${key}`} className="font-medium">
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className={input}
        value={form[key]}
        onChange={(e) => set(key, e.target.value)}
        aria-invalid={errors[param] ? true : undefined}
        aria-describedby={`${id}-${key}-error`}
        placeholder={hint}
      />
      <FieldError id={`${id}-${key}-error`} message={errors[param]} />
    </div>
  );

  return (
    <div className="space-y-3">
      {isCreate ? text('id', 'id', 'Job ID') : null}
      {isCreate && !fixedStore ? (
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${id}-store`} className="font-medium">
            Datastore
          </label>
          <select
            id={`${id}-store`}
            className={input}
            value={form.store}
            onChange={(e) => onChange({ ...form, store: e.target.value, ns: '' })}
          >
            <option value="">Choose a datastore…</option>
            {(stores.data ?? []).map((s) => (
              <option key={s.store} value={s.store}>
                {s.store}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-store-error`} message={errors.store} />
        </div>
      ) : null}
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${id}-ns`} className="font-medium">
          Namespace
        </label>
        <select
          id={`${id}-ns`}
          className={input}
          value={form.ns}
          onChange={(e) => set('ns', e.target.value)}
          aria-describedby={`${id}-ns-error`}
        >
          {(namespaces.data ?? [{ ns: form.ns }]).map((n) => (
            <option key={n.ns} value={n.ns}>
              {n.ns === '' ? 'Root namespace' : n.ns}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-ns-error`} message={errors.ns} />
      </div>
      {text('maxDepth', 'max-depth', 'Max. depth', 'empty: full depth')}
      <ScheduleField
        label="Prune schedule"
        value={form.schedule}
        onChange={(v) => set('schedule', v)}
        error={errors.schedule}
        serverZone={zone}
        now={serverNow()}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        Enabled
      </label>
      <KeepFields value={form.keep} onChange={(keep) => set('keep', keep)} serverErrors={errors} />
      {text('comment', 'comment', 'Comment')}
    </div>
  );
}
