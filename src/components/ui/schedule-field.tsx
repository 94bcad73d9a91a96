// Placeholder with the agreed interface; the jobs work fills it in (presets, plain words, next runs).
export interface ScheduleFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** the server's message for this field, or a local parse error */
  error?: string;
  /** IANA zone of the server (from /nodes/{node}/time), for next runs in the server's zone */
  serverZone?: string;
  /** an empty value is allowed (no schedule) */
  optional?: boolean;
}

export function ScheduleField({ label, value, onChange, error }: ScheduleFieldProps) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <input className="rounded border px-2 py-1" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} />
      {error ? <span className="text-red-700">{error}</span> : null}
    </label>
  );
}
