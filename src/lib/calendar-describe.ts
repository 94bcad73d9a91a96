// A PBS calendar event in plain English: "every day at 00:00", "Saturdays at 18:15", "every 30 minutes",
// "Mon–Fri every 15 minutes from 08:00 to 17:45 and at 22:00–22:45", "first Saturday of the month at 02:00".
// Forms without a short wording fall back to a literal reading of each field.
import { parseCalendarEvent, type CalendarEvent, type DateTimeValue } from './calendar-event';

const DAY = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ORDINAL = ['first', 'second', 'third', 'fourth'];
const pad = (n: number) => String(n).padStart(2, '0');

function and(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function nth(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

const singles = (f: DateTimeValue[]) =>
  f.length > 0 && f.every((v) => v.kind === 'single') ? f.map((v) => (v as { value: number }).value) : null;
const isOnly = (f: DateTimeValue[], value: number) => f.length === 1 && f[0]?.kind === 'single' && f[0].value === value;

/** A field read literally: `5`, `8–17`, `every 15 from 0`, joined. */
function literal(f: DateTimeValue[], name: (n: number) => string = String): string {
  return and(
    f.map((v) =>
      v.kind === 'single'
        ? name(v.value)
        : v.kind === 'range'
          ? `${name(v.start)}–${name(v.end)}`
          : `every ${v.step} from ${name(v.start)}${v.end !== undefined ? ` to ${name(v.end)}` : ''}`,
    ),
  );
}

function weekdays(days: number[]): string {
  // a run of three or more days, also one that wraps past Sunday (fri..mon)
  for (let r = 0; r < days.length && days.length >= 3; r++) {
    const run = [...days.slice(r), ...days.slice(0, r)];
    if (run.every((d, i) => i === 0 || d === ((run[i - 1] ?? 0) + 1) % 7)) {
      return `${DAY[run[0] ?? 0]?.slice(0, 3)}–${DAY[run[run.length - 1] ?? 0]?.slice(0, 3)}`;
    }
  }
  return and(days.map((d) => `${DAY[d]}s`));
}

function dayPart(ev: CalendarEvent): string {
  const wd = ev.weekdays.length > 0 && ev.weekdays.length < 7 ? ev.weekdays : [];
  const days = ev.days;
  const week =
    days.length === 1 && days[0]?.kind === 'range' && days[0].end - days[0].start === 6 && (days[0].start - 1) % 7 === 0
      ? (days[0].start - 1) / 7
      : -1;
  if (wd.length === 1 && week >= 0 && week < 4 && ev.months.length === 0 && ev.years.length === 0) {
    return `${ORDINAL[week]} ${DAY[wd[0] ?? 0]} of the month`;
  }
  const parts: string[] = [];
  if (wd.length) parts.push(weekdays(wd));
  const months = singles(ev.months);
  if (
    ev.years.length &&
    ev.months.length &&
    days.length &&
    singles(ev.years)?.length === 1 &&
    months?.length === 1 &&
    singles(days)?.length === 1
  ) {
    parts.push(`on ${singles(ev.years)?.[0]}-${pad(months[0] ?? 1)}-${pad(singles(days)?.[0] ?? 1)}`);
    return parts.join(' ');
  }
  const dayText =
    days.length === 0 ? '' : singles(days) ? `the ${and((singles(days) ?? []).map(nth))}` : `days ${literal(days)}`;
  if (ev.months.length) {
    const monthText = months ? and(months.map((m) => MONTH[m - 1] ?? String(m))) : `months ${literal(ev.months)}`;
    parts.push(dayText ? `on ${dayText} of ${monthText}` : `every day in ${monthText}`);
  } else if (dayText) parts.push(`on ${dayText} of every month`);
  if (ev.years.length) parts.push(`in ${literal(ev.years)}`);
  return parts.join(' ');
}

function clock(h: number, m: number, s: DateTimeValue[]): string {
  const sec = isOnly(s, 0) ? '' : singles(s)?.length === 1 ? `:${pad(singles(s)?.[0] ?? 0)}` : '';
  return `${pad(h)}:${pad(m)}${sec}`;
}

/** The time of day: "at 21:00", "every 30 minutes", "every hour", … ; `repeat` tells whether it stands alone. */
function timePart(ev: CalendarEvent): { text: string; repeat: boolean } {
  const { hours, minutes, seconds } = ev;
  if (!isOnly(seconds, 0) && !(singles(seconds)?.length === 1)) {
    const sec =
      seconds.length === 0
        ? 'every second'
        : seconds.length === 1 && seconds[0]?.kind === 'repeat' && seconds[0].start === 0
          ? `every ${seconds[0].step} seconds`
          : `at second ${literal(seconds)}`;
    const rest =
      minutes.length === 0 && hours.length === 0
        ? ''
        : ` of ${minutes.length ? `minute ${literal(minutes)}` : 'every minute'}${hours.length ? ` of hour ${literal(hours)}` : ''}`;
    return { text: `${sec}${rest}`, repeat: true };
  }
  if (minutes.length === 0)
    return { text: hours.length ? `every minute of hour ${literal(hours)}` : 'every minute', repeat: true };
  const hs = singles(hours);
  const ms = singles(minutes);
  if (hs && ms) {
    const times = hs.flatMap((h) => ms.map((m) => clock(h, m, seconds)));
    if (times.length <= 6) return { text: `at ${and(times)}`, repeat: false };
  }
  const step =
    minutes.length === 1 && minutes[0]?.kind === 'repeat' && minutes[0].start === 0 && minutes[0].end === undefined
      ? minutes[0].step
      : 0;
  if (step > 0) {
    const every = step === 1 ? 'every minute' : `every ${step} minutes`;
    if (hours.length === 0) return { text: every, repeat: true };
    const last = Math.floor(59 / step) * step;
    const spans = hours.map((h) =>
      h.kind === 'single'
        ? `at ${pad(h.value)}:00–${pad(h.value)}:${pad(last)}`
        : h.kind === 'range'
          ? `from ${pad(h.start)}:00 to ${pad(h.end)}:${pad(last)}`
          : `in hours ${literal([h])}`,
    );
    return { text: `${every} ${and(spans)}`, repeat: true };
  }
  if (ms?.length === 1 && hours.length === 0)
    return { text: ms[0] === 0 ? 'every hour' : `every hour at :${pad(ms[0] ?? 0)}`, repeat: true };
  if (ms?.length === 1 && hours.length === 1 && hours[0]?.kind === 'repeat' && hours[0].step > 0) {
    const h = hours[0];
    const m = pad(ms[0] ?? 0);
    const last = h.end === undefined ? undefined : h.start + Math.floor((h.end - h.start) / h.step) * h.step;
    const from =
      last !== undefined
        ? ` from ${pad(h.start)}:${m} to ${pad(last)}:${m}`
        : h.start === 0 && m === '00'
          ? ''
          : ` from ${pad(h.start)}:${m}`;
    return { text: `every ${h.step === 1 ? 'hour' : `${h.step} hours`}${from}`, repeat: true };
  }
  if (ms?.length === 1) {
    const m = pad(ms[0] ?? 0);
    const spans = hours.map((h) =>
      h.kind === 'range'
        ? `from ${pad(h.start)}:${m} to ${pad(h.end)}:${m}`
        : h.kind === 'single'
          ? `at ${pad(h.value)}:${m}`
          : `in hours ${literal([h])} at :${m}`,
    );
    return { text: `every hour ${and(spans)}`, repeat: true };
  }
  const h = hours.length ? `hour ${literal(hours)}` : 'every hour';
  return { text: `at minute ${literal(minutes)} of ${h}`, repeat: true };
}

/** Plain-English reading of a calendar event (or of its text; invalid text throws CalendarEventError). */
export function describeCalendarEvent(input: CalendarEvent | string): string {
  const ev = typeof input === 'string' ? parseCalendarEvent(input) : input;
  const day = dayPart(ev);
  const time = timePart(ev);
  let text: string;
  if (day === '') text = time.repeat ? time.text : `every day ${time.text}`;
  else text = `${day} ${time.text}`;
  return ev.utc ? `${text} (UTC)` : text;
}
