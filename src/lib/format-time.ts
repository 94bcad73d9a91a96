/*
 * PBS times are epoch seconds. The UI shows them in the viewer's zone, with the server's zone and
 * UTC on hover; all three go through formatDateTime with a different `timeZone`.
 */

export interface DateTimeOptions {
  /** IANA zone; default: the viewer's. */
  timeZone?: string;
  /** Append the zone's offset (`GMT+2`, or `UTC`). */
  withZone?: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined, withZone: boolean): Intl.DateTimeFormat {
  const key = `${timeZone ?? ''}|${withZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      ...(withZone && { timeZoneName: 'shortOffset' as const }),
    });
    formatters.set(key, f);
  }
  return f;
}

function parts(epoch: number, timeZone: string | undefined, withZone: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone, withZone).formatToParts(new Date(epoch * 1000))) out[p.type] = p.value;
  return out;
}

/** `2024-06-05 16:24:36` in the viewer's zone (or `timeZone`), optionally followed by the offset. */
export function formatDateTime(epoch: number, options: DateTimeOptions = {}): string {
  const p = parts(epoch, options.timeZone, options.withZone ?? false);
  const text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  if (!options.withZone) return text;
  const zone = p.timeZoneName === 'GMT' || p.timeZoneName === 'GMT+0' ? 'UTC' : (p.timeZoneName ?? '');
  return `${text} ${zone}`.trimEnd();
}

/** `2024-06-05 14:24:36 UTC`. */
export function formatDateTimeUtc(epoch: number): string {
  return `${formatDateTime(epoch, { timeZone: 'UTC' })} UTC`;
}

/** `2024-06-05` in the viewer's zone (or `timeZone`). */
export function formatDate(epoch: number, timeZone?: string): string {
  const p = parts(epoch, timeZone, false);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The form PBS uses in snapshot paths and its UI: `2024-06-05T14:24:36Z`. */
export function formatSnapshotTime(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');
}

/** The viewer's IANA zone, e.g. `Europe/Vienna`. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const DURATION_UNITS: [suffix: string, seconds: number][] = [
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/** `3723` → `1h 2m 3s`; zero units are left out; `0` → `0s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  let rest = Math.round(Math.abs(seconds));
  const out: string[] = [];
  for (const [suffix, size] of DURATION_UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) out.push(`${n}${suffix}`);
  }
  const text = out.length > 0 ? out.join(' ') : '0s';
  return seconds < 0 && text !== '0s' ? `-${text}` : text;
}

const MONTH = 30.436875 * 86400; // mean Gregorian month
const RELATIVE_UNITS: [unit: Intl.RelativeTimeFormatUnit, seconds: number, below: number][] = [
  ['second', 1, 60],
  ['minute', 60, 3600],
  ['hour', 3600, 86400],
  ['day', 86400, 30 * 86400],
  ['month', MONTH, 365 * 86400],
  ['year', 365.2425 * 86400, Number.POSITIVE_INFINITY],
];
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** `in 3 months`, `2 days ago`, `now`: `epoch` seen from `now` (both epoch seconds, server clock). */
export function formatRelative(epoch: number, now: number): string {
  const diff = epoch - now;
  const abs = Math.abs(diff);
  if (abs < 1) return 'now';
  for (const [unit, size, below] of RELATIVE_UNITS) {
    if (abs < below) return relativeFormat.format(Math.round(diff / size), unit);
  }
  return relativeFormat.format(Math.round(diff / (365.2425 * 86400)), 'year');
}
