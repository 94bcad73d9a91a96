import type { ReactNode } from 'react';

interface CheckProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  hint?: ReactNode;
}

/** One option of the restore form as a labelled checkbox. */
export function GuestRestoreCheck({ label, checked, onChange, disabled, hint }: CheckProps) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input
        type="checkbox"
        className="mt-0.5"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>
        {label}
        {hint ? <span className="block text-xs text-neutral-600 dark:text-neutral-400">{hint}</span> : null}
      </span>
    </label>
  );
}
