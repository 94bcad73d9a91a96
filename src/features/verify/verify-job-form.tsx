import { useState, type FormEvent } from 'react';
import { PbsError, serverNow } from '@/api/client';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ScheduleField } from '@/components/ui/schedule-field';
import { Select } from '@/components/ui/select';
import { useServerZone } from '@/components/ui/server-zone';
import { NamespaceSelect } from './namespace-select';
import { useVerifyTargetOffers } from './target-offer';
import {
  isConflict,
  serverErrors,
  validateVerifyForm,
  type VerifyFormErrors,
  type VerifyFormValues,
} from './verify-form-values';

interface VerifyJobFormProps {
  initial: VerifyFormValues;
  creating: boolean;
  stores: string[];
  /** Sends the values; rejects with PBS's error. */
  onSubmit: (values: VerifyFormValues) => Promise<unknown>;
  onCancel: () => void;
  /** Reads the job again after a conflict (someone else saved it meanwhile). */
  onReload?: () => void;
  /** the user saving it: the form offers only the namespaces where PBS would take the job */
  authId?: string | undefined;
}

const DEPTHS = ['0', '1', '2', '3', '4', '5', '6', '7'];

export function VerifyJobForm({ initial, creating, stores, onSubmit, onCancel, onReload, authId }: VerifyJobFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<VerifyFormErrors>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const serverZone = useServerZone();
  // PBS checks Datastore.Verify on the job's own path, on creating and on saving a change
  const [target] = useVerifyTargetOffers(authId, values.store, [values.ns]);
  const refused = target && !target.offered ? `PBS would refuse a job here: ${target.reason}.` : undefined;
  const set = <K extends keyof VerifyFormValues>(key: K, value: VerifyFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = validateVerifyForm(values, creating);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (e) {
      const error = e instanceof PbsError ? e : new PbsError(0, e instanceof Error ? e.message : String(e));
      // a new job has no earlier version to reload: PBS's words, and Create stays there to try again
      if (isConflict(error.message) && !creating) setConflict(true);
      else setErrors(serverErrors(error.params, error.message));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-3">
      {conflict ? (
        <ErrorState
          title="This job was changed by someone else since you opened it"
          message="Nothing was saved. Reload to see the current settings, then make your change again."
          action={
            onReload ? (
              <Button size="sm" onClick={onReload}>
                Reload
              </Button>
            ) : null
          }
        />
      ) : null}
      {errors.form ? <ErrorState title="The job was not saved" message={errors.form} /> : null}
      {creating ? (
        <Field label="Job ID" error={errors.id} description="Leave empty to have one generated.">
          <Input value={values.id} onChange={(e) => set('id', e.target.value)} placeholder="autogenerate" />
        </Field>
      ) : null}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2">
        <Field label="Datastore" error={errors.store}>
          <Select value={values.store} onChange={(e) => setValues((v) => ({ ...v, store: e.target.value, ns: '' }))}>
            {values.store === '' ? <option value="">Choose…</option> : null}
            {[...new Set([...stores, values.store].filter(Boolean))].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Namespace" error={errors.ns ?? refused}>
          <NamespaceSelect store={values.store} value={values.ns} onChange={(ns) => set('ns', ns)} authId={authId} />
        </Field>
      </div>
      <Field label="Max. depth" error={errors.maxDepth} description="How many namespace levels below it to include.">
        <Select value={values.maxDepth} onChange={(e) => set('maxDepth', e.target.value)}>
          <option value="">Full depth (default)</option>
          {DEPTHS.map((d) => (
            <option key={d} value={d}>
              {d === '0' ? '0 (this namespace only)' : d}
            </option>
          ))}
        </Select>
      </Field>
      <ScheduleField
        label="Schedule"
        value={values.schedule}
        onChange={(s) => set('schedule', s)}
        error={errors.schedule}
        serverZone={serverZone}
        now={serverNow()}
        optional
      />
      <Checkbox
        label="Skip snapshots already verified"
        checked={values.ignoreVerified}
        onChange={(e) => set('ignoreVerified', e.target.checked)}
        error={errors.ignoreVerified}
      />
      <Field
        label="Re-verify after (days)"
        error={errors.outdatedAfter}
        description={
          values.ignoreVerified
            ? 'Empty: never verify a snapshot again once verified.'
            : 'Every snapshot is verified on every run.'
        }
      >
        <Input
          inputMode="numeric"
          value={values.outdatedAfter}
          disabled={!values.ignoreVerified}
          onChange={(e) => set('outdatedAfter', e.target.value)}
        />
      </Field>
      <Field label="Comment" error={errors.comment}>
        <Input value={values.comment} onChange={(e) => set('comment', e.target.value)} />
      </Field>
      <div className="flex justify-end gap-2 pt-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={busy || conflict || refused !== undefined}>
          {busy ? 'Saving…' : creating ? 'Create' : 'Save'}
        </Button>
      </div>
    </form>
  );
}
