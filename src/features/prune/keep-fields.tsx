import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
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
  const local = keepErrors(value);
  return (
    <fieldset className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      <legend className="mb-1 text-sm font-medium">Retention (empty: rule not used)</legend>
      {KEEP_RULES.map((rule) => (
        <Field key={rule} label={LABELS[rule]} error={serverErrors?.[rule] ?? local[rule]}>
          <Input
            inputMode="numeric"
            className="tabular-nums"
            value={value[rule]}
            onChange={(e) => onChange({ ...value, [rule]: e.target.value })}
          />
        </Field>
      ))}
    </fieldset>
  );
}
