import { useQuery } from '@tanstack/react-query';
import { serverNow } from '@/api/client';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ScheduleField } from '@/components/ui/schedule-field';
import { Select } from '@/components/ui/select';
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

/** The inputs of a prune job; the schedule is required, everything optional may stay empty. */
export function PruneJobFields({ form, onChange, isCreate, fixedStore, errors, zone }: PruneJobFieldsProps) {
  const set = <K extends keyof PruneJobForm>(key: K, value: PruneJobForm[K]) => onChange({ ...form, [key]: value });
  const stores = useQuery({ ...pruneQueries.datastores(), enabled: isCreate && !fixedStore });
  const namespaces = useQuery({ ...pruneQueries.namespaces(form.store), enabled: form.store !== '' });

  return (
    <div className="space-y-3">
      {isCreate ? (
        <Field label="Job ID" error={errors.id}>
          <Input value={form.id} onChange={(e) => set('id', e.target.value)} />
        </Field>
      ) : null}
      {isCreate && !fixedStore ? (
        <Field label="Datastore" error={errors.store}>
          <Select value={form.store} onChange={(e) => onChange({ ...form, store: e.target.value, ns: '' })}>
            <option value="">Choose a datastore…</option>
            {(stores.data ?? []).map((s) => (
              <option key={s.store} value={s.store}>
                {s.store}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label="Namespace" error={errors.ns}>
        <Select value={form.ns} onChange={(e) => set('ns', e.target.value)}>
          {(namespaces.data ?? [{ ns: form.ns }]).map((n) => (
            <option key={n.ns} value={n.ns}>
              {n.ns === '' ? 'Root namespace' : n.ns}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Max. depth" error={errors['max-depth']}>
        <Input
          value={form.maxDepth}
          onChange={(e) => set('maxDepth', e.target.value)}
          placeholder="empty: full depth"
        />
      </Field>
      <ScheduleField
        label="Prune schedule"
        value={form.schedule}
        onChange={(v) => set('schedule', v)}
        error={errors.schedule}
        serverZone={zone}
        now={serverNow()}
      />
      <Checkbox label="Enabled" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
      <KeepFields value={form.keep} onChange={(keep) => set('keep', keep)} serverErrors={errors} />
      <Field label="Comment" error={errors.comment}>
        <Input value={form.comment} onChange={(e) => set('comment', e.target.value)} />
      </Field>
    </div>
  );
}
