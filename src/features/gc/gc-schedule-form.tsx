import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { serverNow } from '@/api/client';
import { defaultServer } from '@/api/queries/default-server';
import { changes } from '@/api/queries/invalidation';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { ScheduleField } from '@/components/ui/schedule-field';
import { useServerZone } from '@/components/ui/server-zone';
import { gcMutations } from './api';
import { isConfigConflict, paramError } from './schedule-errors';

interface GcScheduleFormProps {
  store: string;
  /** the schedule in the config as last read ('' for none) */
  current: string;
  /** that config's digest */
  digest: string | undefined;
}

/** Sets, changes or removes `gc-schedule`; the change carries the digest of the config it was made on. */
export function GcScheduleForm({ store, current, digest }: GcScheduleFormProps) {
  const queryClient = useQueryClient();
  const serverZone = useServerZone();
  // the edit and the digest it started from: a config re-read meanwhile must not slip under the edit
  const [edit, setEdit] = useState<{ value: string; digest: string | undefined } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const mutation = useMutation({
    ...gcMutations.setSchedule(store),
    onSuccess: (_data, change) => {
      setEdit(null);
      setSaved(change.schedule === null ? 'Schedule removed.' : `Schedule saved: ${change.schedule}.`);
    },
  });
  const value = edit?.value ?? current;
  const conflict = isConfigConflict(mutation.error);
  const fieldError = paramError(mutation.error, 'gc-schedule');

  const save = (schedule: string | null) => {
    setSaved(null);
    mutation.mutate({ schedule, digest: edit?.digest ?? digest });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save(value.trim() === '' ? null : value.trim());
  };
  const reload = () => {
    setEdit(null);
    mutation.reset();
    for (const queryKey of changes.datastoreConfig(defaultServer)) void queryClient.invalidateQueries({ queryKey });
  };

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-3" aria-label="Garbage collection schedule">
      <ScheduleField
        label="GC schedule"
        value={value}
        onChange={(v) => {
          setSaved(null);
          // the server's complaint was about the old text
          if (fieldError) mutation.reset();
          setEdit((e) => ({ value: v, digest: e?.digest ?? digest }));
        }}
        error={fieldError}
        serverZone={serverZone}
        optional
        now={serverNow()}
      />
      {conflict ? (
        <ErrorState
          title="Not saved: the datastore's configuration changed meanwhile"
          message="Someone else changed this datastore's settings after you opened them. Your schedule was not saved, so their change stays. Reload to see the current settings, then make your change again."
          action={
            <Button size="sm" onClick={reload}>
              Reload settings
            </Button>
          }
        />
      ) : null}
      {mutation.error && !conflict && !fieldError ? (
        <ErrorState title="The schedule was not saved" message={mutation.error.message} />
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="submit"
          variant="primary"
          size="sm"
          disabled={mutation.isPending || edit === null || value.trim() === current}
        >
          {mutation.isPending ? 'Saving…' : 'Save schedule'}
        </Button>
        {current !== '' ? (
          <Button size="sm" onClick={() => save(null)} disabled={mutation.isPending}>
            Remove schedule
          </Button>
        ) : null}
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          {saved}
        </p>
      </div>
    </form>
  );
}
