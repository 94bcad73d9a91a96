// PBS calendar events (proxmox-time's CalendarEvent: `[WEEKDAYS] [[YEARS-]MONTHS-DAYS] [[HOURS:]MINUTES[:SECONDS]]
// [UTC]`), parsed with the same grammar and error texts, and their next runs computed the way PBS computes them:
// field by field in the server's local time, with libc's mktime normalising what falls into a DST gap.

/** One item of a numeric field: `5`, `8..17`, `0/15`, `1..10/2`. */
export type DateTimeValue =
  | { kind: 'single'; value: number }
  | { kind: 'range'; start: number; end: number }
  | { kind: 'repeat'; start: number; step: number; end?: number };

export interface CalendarEvent {
  utc: boolean;
  /** 0 = Monday … 6 = Sunday; empty = every day */
  weekdays: number[];
  /** empty = any */
  years: DateTimeValue[];
  months: DateTimeValue[];
  days: DateTimeValue[];
  hours: DateTimeValue[];
  minutes: DateTimeValue[];
  seconds: DateTimeValue[];
}

export class CalendarEventError extends Error {}

const ZERO: DateTimeValue[] = [{ kind: 'single', value: 0 }];
const one = (value: number): DateTimeValue[] => [{ kind: 'single', value }];
const at0 = { hours: ZERO, minutes: ZERO, seconds: ZERO };
const none = { weekdays: [], years: [], months: [], days: [], hours: [], minutes: [], seconds: [] };
const ALIASES: Record<string, Omit<CalendarEvent, 'utc'>> = {
  minutely: { ...none, seconds: ZERO },
  hourly: { ...none, minutes: ZERO, seconds: ZERO },
  daily: { ...none, ...at0 },
  weekly: { ...none, ...at0, weekdays: [0] },
  monthly: { ...none, ...at0, days: one(1) },
  yearly: { ...none, ...at0, days: one(1), months: one(1) },
  annually: { ...none, ...at0, days: one(1), months: one(1) },
  quarterly: { ...none, ...at0, days: one(1), months: [1, 4, 7, 10].map((value) => ({ kind: 'single', value })) },
  semiannually: { ...none, ...at0, days: one(1), months: one(1).concat(one(7)) },
  'semi-annually': { ...none, ...at0, days: one(1), months: one(1).concat(one(7)) },
};
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** A parse step: what it read and the rest, or where and why it failed (nom's VerboseError, first entry). */
type R<T> = { ok: true; v: T; rest: string } | { ok: false; at: string; kind: string };
const ok = <T>(v: T, rest: string): R<T> => ({ ok: true, v, rest });
const fail = (at: string, kind: string): { ok: false; at: string; kind: string } => ({ ok: false, at, kind });
const ctx = (text: string) => `Context(${JSON.stringify(text)})`;

function comp(i: string, max: number): R<number> {
  const m = /^\d+/.exec(i);
  if (!m) return fail(i, 'Nom(Digit)');
  const v = Number(m[0]);
  const rest = i.slice(m[0].length);
  return v >= max ? fail(rest, ctx('time value too large')) : ok(v, rest);
}

function item(i: string, max: number): R<DateTimeValue> {
  const a = comp(i, max);
  if (!a.ok) return a;
  let rest = a.rest;
  if (rest.startsWith('..')) {
    const b = comp(rest.slice(2), max);
    if (b.ok) {
      if (a.v > b.v) return fail(b.rest, ctx('range start is bigger than end'));
      if (!b.rest.startsWith('/')) return ok({ kind: 'range', start: a.v, end: b.v }, b.rest);
      const s = comp(b.rest.slice(1), max);
      return s.ok ? ok({ kind: 'repeat', start: a.v, step: s.v, end: b.v }, s.rest) : s;
    }
  }
  if (!rest.startsWith('/')) return ok({ kind: 'single', value: a.v }, rest);
  const s = comp(rest.slice(1), max);
  if (!s.ok) return s;
  rest = s.rest;
  return ok({ kind: 'repeat', start: a.v, step: s.v }, rest);
}

/** nom's separated_list1: at least one; a separator not followed by an item ends the list before it. */
function list<T>(i: string, parse: (i: string) => R<T>): R<T[]> {
  const first = parse(i);
  if (!first.ok) return first;
  const out = [first.v];
  let rest = first.rest;
  while (rest.startsWith(',')) {
    const next = parse(rest.slice(1));
    if (!next.ok) break;
    out.push(next.v);
    rest = next.rest;
  }
  return ok(out, rest);
}

function field(i: string, start: number, max: number): R<DateTimeValue[]> {
  if (i.startsWith('*')) {
    const rest = i.slice(1);
    if (rest.startsWith('/')) {
      const s = comp(rest.slice(1), max);
      if (!s.ok) return s;
      if (s.v > 0) return ok([{ kind: 'repeat', start, step: s.v }], s.rest);
    }
    return ok([], rest);
  }
  return list(i, (x) => item(x, max));
}

function weekday(i: string): R<number> {
  const m = /^[A-Za-z]+/.exec(i);
  if (!m) return fail(i, 'Nom(Alpha)');
  const n = DAYS.findIndex((d) => d === m[0].toLowerCase() || d.slice(0, 3) === m[0].toLowerCase());
  return n < 0 ? fail(m[0], ctx('weekday')) : ok(n, i.slice(m[0].length));
}

function weekdayRange(i: string): R<number[]> {
  const a = weekday(i);
  if (!a.ok) return a;
  if (a.rest.startsWith('..')) {
    const b = weekday(a.rest.slice(2));
    if (b.ok) {
      const out: number[] = [];
      // a range that runs past Sunday wraps round to Monday
      for (let d = a.v; ; d = (d + 1) % 7) {
        out.push(d);
        if (d === b.v) break;
      }
      return ok(out, b.rest);
    }
  }
  return ok([a.v], a.rest);
}

function dateSpec(i: string): R<Pick<CalendarEvent, 'years' | 'months' | 'days'>> {
  const y = field(i, 0, 2200);
  if (y.ok && y.rest.startsWith('-')) {
    const m = field(y.rest.slice(1), 1, 13);
    if (m.ok && m.rest.startsWith('-')) {
      const d = field(m.rest.slice(1), 1, 32);
      if (d.ok) return ok({ years: y.v, months: m.v, days: d.v }, d.rest);
    }
  }
  const m = field(i, 1, 13);
  if (m.ok && m.rest.startsWith('-')) {
    const d = field(m.rest.slice(1), 1, 32);
    if (d.ok) return ok({ years: [], months: m.v, days: d.v }, d.rest);
  }
  return fail(i, ctx('invalid date spec'));
}

function timeSpec(i: string): R<Pick<CalendarEvent, 'hours' | 'minutes' | 'seconds'>> {
  let hours: DateTimeValue[] = [];
  let rest = i;
  const h = field(i, 0, 24);
  if (h.ok && h.rest.startsWith(':')) {
    hours = h.v;
    rest = h.rest.slice(1);
  }
  const m = field(rest, 0, 60);
  if (!m.ok) return m;
  rest = m.rest;
  let seconds = ZERO;
  if (rest.startsWith(':')) {
    const s = field(rest.slice(1), 0, 60);
    if (s.ok) {
      seconds = s.v;
      rest = s.rest;
    }
  }
  return ok({ hours, minutes: m.v, seconds }, rest);
}

function parse(input: string): R<CalendarEvent> {
  let i = input;
  const utc = i.endsWith('UTC');
  if (utc) i = i.slice(0, -3).replace(/ +$/, '');
  if (/^[A-Za-z]/.test(i)) {
    const alias = Object.hasOwn(ALIASES, i) ? ALIASES[i] : undefined;
    if (alias) return ok({ ...alias, utc }, '');
  }
  const ev: CalendarEvent = { ...none, ...at0, utc };
  let spec = false;
  if (/^[A-Za-z]/.test(i)) {
    const days = list(i, weekdayRange);
    if (!days.ok) return days;
    ev.weekdays = [...new Set(days.v.flat())].sort((a, b) => a - b);
    spec = true;
    i = days.rest.replace(/^[ \t]+/, '');
  }
  const d = dateSpec(i);
  if (d.ok) {
    Object.assign(ev, d.v);
    spec = true;
    i = d.rest.replace(/^[ \t]+/, '');
  }
  const t = timeSpec(i);
  if (t.ok) {
    Object.assign(ev, t.v);
    spec = true;
    i = t.rest;
  }
  if (!spec) return fail(i, ctx('date or time specification'));
  return i === '' ? ok(ev, '') : fail(i, 'Nom(Eof)');
}

/** Parses as PBS does; throws CalendarEventError with PBS's message ("unable to parse calendar event at …"). */
export function parseCalendarEvent(text: string): CalendarEvent {
  const r = parse(text);
  if (!r.ok) throw new CalendarEventError(`unable to parse calendar event at '${r.at}' - ${r.kind}`);
  return r.v;
}

/** Throws CalendarEventError for text PBS's schema would refuse. */
export function verifyCalendarEvent(text: string): void {
  parseCalendarEvent(text);
}

export { nextEvent, nextEvents } from './calendar-next';
