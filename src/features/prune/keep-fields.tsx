import { useId } from 'react';
import { KEEP_RULES, type KeepRule } from '@/lib/prune';
import { keepErrors, type KeepInputs } from './job-params';

const LABELS: Record<KeepRule, string> = {
  'keep-last': 'Keep last',
  'keep-hourly': 'Keep hourly',
  'keep-daily': 'Keep daily',
  'keep-weekly': 'Keep weekly',
  'keep-monthly': 'Keep monthly',
  'keep-yearly': 'Keep yearly',
};

interface KeepFieldsProps {
  value: KeepInputs;
  onChange: (next: KeepInputs) => void;
  /** the server's messages per parameter (`keep-daily`: …) */
  serverErrors?: Record<string, string>;
}

/** The six retention counts; empty means the rule is not used. */
export function KeepFields({ value, onChange, serverErrors }: KeepFieldsProps) {
  const base = useId();
  const local = keepErrors(value);
  return (
    <fieldset className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      <legend className="mb-1 text-sm font-medium">Retention (empty: rule not used)</legend>
      {KEEP_RULES.map((rule) => {
        const id = `${base}-${rule}`;
        const error = serverErrors?.[rule] ?? local[rule];
        return (
          <div key={rule} className="flex flex-col gap-0.5 text-sm">
            <label htmlFor={id}>{LABELS[rule]}</label>
            <input
              id={id}
              inputMode="numeric"
              className="w-full rounded-md border border-neutral-300 bg-white px-2 py-1 tabular-nums dark:border-neutral-600 dark:bg-neutral-800"
              value={value[rule]}
              onChange={(e) => onChange({ ...value, [rule]: e.target.value })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            {error ? (
              <span id={`${id}-error`} className="text-xs text-red-700 dark:text-red-300">
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
