// PBS calendar events (systemd-like `[WEEKDAY] [[YEARS-]MONTHS-DAYS] [HOURS:MINUTES[:SECONDS]]`), parsed and
// evaluated in a given IANA zone, as PBS does for gc-schedule and job schedules (pbs-api.md §17).
import { fromLocal, localParts } from './tz';

/** One comma-separated item of a numeric field: a value, a range, or a repetition start/step. */
interface FieldItem {
  start: number;
  end?: number;
  step?: number;
}
/** `null` = `*` (any value). */
type Field = FieldItem[] | null;

export interface CalendarEvent {
  weekdays: number[] | null; // 0 = Monday
  years: Field;
  months: Field;
  days: Field;
  hours: Field;
  minutes: Field;
  seconds: Field;
}

const ALIASES: Record<string, string> = {
  minutely: '*-*-* *:*:00',
  hourly: '*-*-* *:00:00',
  daily: '*-*-* 00:00:00',
  weekly: 'mon *-*-* 00:00:00',
  monthly: '*-*-01 00:00:00',
  yearly: '*-01-01 00:00:00',
  annually: '*-01-01 00:00:00',
  quarterly: '*-01,04,07,10-01 00:00:00',
  semiannually: '*-01,07-01 00:00:00',
  'semi-annually': '*-01,07-01 00:00:00',
};

const DAY_NAMES = [
  ['mon', 'monday'],
  ['tue', 'tuesday'],
  ['wed', 'wednesday'],
  ['thu', 'thursday'],
  ['fri', 'friday'],
  ['sat', 'saturday'],
  ['sun', 'sunday'],
];

export class CalendarEventError extends Error {}

function weekday(name: string): number {
  const n = name.toLowerCase();
  const i = DAY_NAMES.findIndex((names) => names.includes(n));
  if (i < 0) throw new CalendarEventError(`invalid weekday '${name}'`);
  return i;
}

function parseWeekdays(text: string): number[] {
  const out = new Set<number>();
  for (const item of text.split(',')) {
    const [a, b] = item.split('..');
    if (a === undefined || a === '') throw new CalendarEventError('empty weekday');
    const from = weekday(a);
    const to = b === undefined ? from : weekday(b);
    for (let d = from; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === to) break;
    }
  }
  return [...out].sort((x, y) => x - y);
}

function num(text: string, max: number): number {
  if (!/^\d+$/.test(text)) throw new CalendarEventError(`invalid number '${text}'`);
  const v = Number(text);
  if (v > max) throw new CalendarEventError(`value ${v} out of range`);
  return v;
}

function parseField(text: string, max: number): Field {
  if (text === '*') return null;
  return text.split(',').map((item): FieldItem => {
    const [base, stepText] = item.split('/');
    if (base === undefined || base === '') throw new CalendarEventError('empty value');
    const step = stepText === undefined ? undefined : num(stepText, max);
    if (step === 0) throw new CalendarEventError('repetition of 0');
    if (base === '*') {
      if (step === undefined) throw new CalendarEventError('unexpected *');
      return { start: 0, step };
    }
    const range = base.split('..');
    if (range.length === 2) {
      if (step !== undefined) throw new CalendarEventError('range repetition is not supported');
      return { start: num(range[0] ?? '', max), end: num(range[1] ?? '', max) };
    }
    return { start: num(base, max), step };
  });
}

function parseDate(text: string, ev: CalendarEvent) {
  const parts = text.split('-');
  if (parts.length === 3) ev.years = parseField(parts.shift() ?? '', 9999);
  if (parts.length !== 2) throw new CalendarEventError(`invalid date '${text}'`);
  ev.months = parseField(parts[0] ?? '', 12);
  ev.days = parseField(parts[1] ?? '', 31);
}

function parseTime(text: string, ev: CalendarEvent) {
  const parts = text.split(':');
  if (parts.length < 2 || parts.length > 3) throw new CalendarEventError(`invalid time '${text}'`);
  ev.hours = parseField(parts[0] ?? '', 23);
  ev.minutes = parseField(parts[1] ?? '', 59);
  ev.seconds = parts[2] === undefined ? [{ start: 0 }] : parseField(parts[2], 59);
}

export function parseCalendarEvent(input: string): CalendarEvent {
  let text = input.trim().toLowerCase();
  if (text === '') throw new CalendarEventError('empty calendar event');
  text = ALIASES[text] ?? text;
  const ev: CalendarEvent = {
    weekdays: null,
    years: null,
    months: null,
    days: null,
    hours: [{ start: 0 }],
    minutes: [{ start: 0 }],
    seconds: [{ start: 0 }],
  };
  const tokens = text.split(/\s+/);
  if (tokens[0] && /^[a-z]/.test(tokens[0])) ev.weekdays = parseWeekdays(tokens.shift() ?? '');
  let sawDate = false;
  let sawTime = false;
  for (const tok of tokens) {
    if (tok.includes(':') && !sawTime) {
      parseTime(tok, ev);
      sawTime = true;
    } else if (tok.includes('-') && !sawDate && !sawTime) {
      parseDate(tok, ev);
      sawDate = true;
    } else {
      throw new CalendarEventError(`unexpected '${tok}'`);
    }
  }
  return ev;
}

function matches(field: Field, v: number): boolean {
  if (field === null) return true;
  return field.some((it) => {
    if (it.end !== undefined) return v >= it.start && v <= it.end;
    if (it.step !== undefined) return v >= it.start && (v - it.start) % it.step === 0;
    return v === it.start;
  });
}

function values(field: Field, max: number): number[] {
  const out: number[] = [];
  for (let v = 0; v <= max; v++) if (matches(field, v)) out.push(v);
  return out;
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** First event strictly after `after` (epoch s) in `zone`, or null when there is none before year 9999. */
export function nextEvent(ev: CalendarEvent, after: number, zone: string): number | null {
  const hours = values(ev.hours, 23);
  const minutes = values(ev.minutes, 59);
  const seconds = values(ev.seconds, 59);
  const start = localParts(after, zone);
  let y = start.year;
  let m = start.month;
  let d = start.day;
  // about 30 years of days; enough for every schedule that can ever fire again
  for (let i = 0; i < 11000; i++) {
    const wd = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
    if (matches(ev.years, y) && matches(ev.months, m) && matches(ev.days, d) && (!ev.weekdays || ev.weekdays.includes(wd))) {
      for (const hour of hours)
        for (const minute of minutes)
          for (const second of seconds) {
            const t = fromLocal({ year: y, month: m, day: d, hour, minute, second }, zone);
            if (t > after) return t;
          }
    }
    if (++d > daysInMonth(y, m)) {
      d = 1;
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
    if (ev.years && !ev.years.some((it) => (it.end ?? (it.step ? Infinity : it.start)) >= y)) return null;
  }
  return null;
}

/** Throws CalendarEventError for text PBS's schema would refuse. */
export function verifyCalendarEvent(text: string): void {
  parseCalendarEvent(text);
}
