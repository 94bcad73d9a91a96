import { Field } from './field';
import type { ControlSize } from './field-control';
import { Input } from './input';

interface PasswordFieldProps {
  value: string;
  onChange: (value: string) => void;
  size?: ControlSize;
}

/** A login form's password, named as browsers and password managers expect. */
export function PasswordField({ value, onChange, size }: PasswordFieldProps) {
  return (
    <Field label="Password" size={size}>
      <Input
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
