import { useId, useMemo } from 'react';
import { describeCalendarEvent } from '@/lib/calendar-describe';
import { CalendarEventError, nextEvent, parseCalendarEvent } from '@/lib/calendar-event';
import { formatDateTime, formatRelative, viewerTimeZone } from '@/lib/format-time';
import { labelVariants } from './field-control';
import { Input } from './input';
import { Select } from './select';

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
  /** "now" in epoch seconds, on the server's clock (PBS runs schedules on its own time) */
  now: number;
}

/** Calendar events admins pick most often; the value is what PBS stores. */
export const SCHEDULE_PRESETS: readonly { value: string; label: string }[] = [
  { value: 'hourly', label: 'Every hour' },
  { value: '*:0/30', label: 'Every 30 minutes' },
  { value: 'mon..fri *:0/30', label: 'Every 30 minutes on weekdays' },
  { value: '0/2:00', label: 'Every 2 hours' },
  { value: 'daily', label: 'Every day at 00:00' },
  { value: '21:00', label: 'Every day at 21:00' },
  { value: '2,22:30', label: 'Every day at 02:30 and 22:30' },
  { value: 'mon..fri 00:00', label: 'Weekdays at 00:00' },
  { value: 'weekly', label: 'Every Monday at 00:00' },
  { value: 'sat 18:15', label: 'Saturdays at 18:15' },
  { value: 'sat *-1..7 02:00', label: 'First Saturday of the month at 02:00' },
  { value: 'monthly', label: 'First day of the month at 00:00' },
  { value: 'quarterly', label: 'First day of each quarter at 00:00' },
  { value: 'yearly', label: 'Every 1 January at 00:00' },
];

export type ScheduleCheck =
  { kind: 'empty' } | { kind: 'invalid'; message: string } | { kind: 'valid'; runs: number[]; words: string };

/** Parses a schedule as PBS does and lists its next `count` runs after `now`, evaluated in `zone` (PBS fires by its local time). */
export function checkSchedule(text: string, now: number, zone: string, count = 10): ScheduleCheck {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    const ev = parseCalendarEvent(text);
    const runs: number[] = [];
    for (
      let after = now, next = nextEvent(ev, after, zone);
      next !== null && runs.length < count;
      next = nextEvent(ev, after, zone)
    ) {
      runs.push(next);
      after = next;
    }
    const words = describeCalendarEvent(ev);
    return { kind: 'valid', runs, words: words.charAt(0).toUpperCase() + words.slice(1) };
  } catch (e) {
    if (e instanceof CalendarEventError)
      return { kind: 'invalid', message: `Not a schedule PBS accepts: ${e.message}` };
    throw e;
  }
}

const hint = 'text-xs text-neutral-600 dark:text-neutral-400';

/** A PBS calendar event with presets, PBS's validation and the next ten runs in the viewer's and the server's zone. */
export function ScheduleField({
  label,
  value,
  onChange,
  error,
  serverZone,
  optional = false,
  now,
}: ScheduleFieldProps) {
  const id = useId();
  const viewerZone = viewerTimeZone();
  const zone = serverZone ?? viewerZone;
  // Recomputed per minute at most: the list does not need to tick with the clock.
  const minute = Math.floor(now / 60);
  const check = useMemo(() => checkSchedule(value, minute * 60, zone), [value, minute, zone]);
  const message =
    error ??
    (check.kind === 'invalid'
      ? check.message
      : check.kind === 'empty' && !optional
        ? 'A schedule is required.'
        : undefined);
  const bothZones = zone !== viewerZone;
  const runs = check.kind === 'valid' ? check.runs : [];
  const first = runs[0];

  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={`${id}-input`} className={labelVariants()}>
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <Input
          id={`${id}-input`}
          className="min-w-40 flex-1 font-mono"
          value={value}
          placeholder={optional ? 'none (manual only)' : 'e.g. daily'}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id}-status`}
          spellCheck={false}
          autoComplete="off"
        />
        <Select
          aria-label={`${label}: presets`}
          className="w-32 shrink-0"
          value=""
          onChange={(e) => e.target.value && onChange(e.target.value)}
        >
          <option value="">Presets…</option>
          {SCHEDULE_PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label} ({p.value})
            </option>
          ))}
        </Select>
      </div>
      <div id={`${id}-status`} aria-live="polite">
        {message ? (
          <p className="text-red-700 dark:text-red-300">{message}</p>
        ) : check.kind === 'empty' ? (
          <p className={hint}>No schedule: the job runs only when started by hand.</p>
        ) : (
          <>
            <p className={hint}>
              {first === undefined
                ? 'This schedule never fires again.'
                : `Next run: ${formatDateTime(first)} (${formatRelative(first, now)})`}
            </p>
            {check.kind === 'valid' ? <p className="text-xs">{check.words}.</p> : null}
          </>
        )}
      </div>
      {!message && runs.length > 0 ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-neutral-700 dark:text-neutral-300">Next {runs.length} runs</summary>
          <table className="mt-1 w-full text-left tabular-nums">
            <caption className="sr-only">Next runs of {value}</caption>
            <thead>
              <tr>
                <th scope="col" className="font-medium">
                  Your time ({viewerZone})
                </th>
                {bothZones ? (
                  <th scope="col" className="font-medium">
                    Server time ({zone})
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {runs.map((t) => (
                <tr key={t}>
                  <td>{formatDateTime(t, { withZone: true })}</td>
                  {bothZones ? <td>{formatDateTime(t, { timeZone: zone, withZone: true })}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}
