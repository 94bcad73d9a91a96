// Next runs of a calendar event, as proxmox-time's compute_next_event: it walks a broken-down local time field by
// field (year, month, day, weekday, hour, minute, second), and every change is normalised by libc's mktime. So a
// time in the spring-forward gap moves on (02:30 becomes 03:30, no longer matches, and that day has no run), and
// a time in the repeated hour of autumn runs once, the first time.
import type { CalendarEvent, DateTimeValue } from './calendar-event';
import { fromLocal, localParts } from './tz';

function contains(v: DateTimeValue, x: number): boolean {
  if (v.kind === 'single') return v.value === x;
  if (v.kind === 'range') return x >= v.start && x <= v.end;
  if (x < v.start) return false;
  if (v.step === 0) return x === v.start;
  return (x - v.start) % v.step === 0 && (v.end === undefined || x <= v.end);
}
const listContains = (list: DateTimeValue[], x: number) => list.some((v) => contains(v, x));

/** The smallest value of the list greater than `x`, if any (DateTimeValue::find_next). */
function findNext(list: DateTimeValue[], x: number): number | undefined {
  let next: number | undefined;
  const offer = (v: number) => (next = next === undefined || v < next ? v : next);
  for (const v of list) {
    if (v.kind === 'single') {
      if (v.value > x) offer(v.value);
    } else if (v.kind === 'range') {
      if (x < v.start) offer(v.start);
      else if (x + 1 >= v.start && x + 1 <= v.end) offer(x + 1);
    } else if (x < v.start) offer(v.start);
    else if (v.step > 0) {
      const n = v.start + Math.floor((x - v.start + v.step) / v.step) * v.step;
      if (v.end === undefined || n <= v.end) offer(n);
    }
  }
  return next;
}

/** libc's struct tm in a zone; every change is normalised as proxmox-time does it, by mktime with tm_isdst = -1. */
class Tm {
  y = 1970;
  mo = 1;
  d = 1;
  h = 0;
  mi = 0;
  s = 0;
  wd = 3;

  constructor(
    private readonly zone: string,
    epoch: number,
  ) {
    this.set(epoch);
  }

  private set(epoch: number): void {
    const p = localParts(epoch, this.zone);
    Object.assign(this, { y: p.year, mo: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second, wd: p.weekday });
  }

  /**
   * mktime: fields past their range carry over (Date.UTC does that); a wall time that happens twice is read as
   * the first one and a time in the spring-forward gap with the offset before it (so 02:30 comes out as 03:30),
   * as glibc does when it walks forward from an earlier guess.
   */
  epoch(): number {
    const n = new Date(Date.UTC(this.y, this.mo - 1, this.d, this.h, this.mi, this.s));
    const f = {
      year: n.getUTCFullYear(),
      month: n.getUTCMonth() + 1,
      day: n.getUTCDate(),
      hour: n.getUTCHours(),
      minute: n.getUTCMinutes(),
      second: n.getUTCSeconds(),
    };
    return this.zone === 'UTC' ? n.getTime() / 1000 : fromLocal(f, this.zone);
  }

  private normalize(): void {
    this.set(this.epoch());
  }

  addYears(n: number) {
    Object.assign(this, { y: this.y + n, mo: 1, d: 1, h: 0, mi: 0, s: 0 });
    this.normalize();
  }
  addMonths(n: number) {
    Object.assign(this, { mo: this.mo + n, d: 1, h: 0, mi: 0, s: 0 });
    this.normalize();
  }
  addDays(n: number) {
    Object.assign(this, { d: this.d + n, h: 0, mi: 0, s: 0 });
    this.normalize();
  }
  setTime(h: number, mi: number, s: number) {
    Object.assign(this, { h, mi, s });
    this.normalize();
  }
}

/** First event strictly after `after` (epoch s) in `zone` (ignored for `… UTC` events), or null (none found). */
export function nextEvent(ev: CalendarEvent, after: number, zone: string): number | null {
  const t = new Tm(ev.utc ? 'UTC' : zone, after + 1);
  const allDays = ev.weekdays.length === 0 || ev.weekdays.length === 7;
  // PBS gives up after 1000 steps
  for (let count = 0; count <= 1000; count++) {
    if (ev.years.length && !listContains(ev.years, t.y)) {
      const n = findNext(ev.years, t.y);
      if (n === undefined) return null;
      t.addYears(n - t.y);
      continue;
    }
    if (ev.months.length && !listContains(ev.months, t.mo)) {
      const n = findNext(ev.months, t.mo);
      if (n !== undefined) t.addMonths(n - t.mo);
      else t.addYears(1);
      continue;
    }
    if (ev.days.length && !listContains(ev.days, t.d)) {
      const n = findNext(ev.days, t.d);
      if (n !== undefined) t.addDays(n - t.d);
      else t.addMonths(1);
      continue;
    }
    if (!allDays && !ev.weekdays.includes(t.wd)) {
      const n = ev.weekdays.find((d) => d > t.wd);
      t.addDays(n !== undefined ? n - t.wd : 7 - t.wd);
      continue;
    }
    if (ev.hours.length && !listContains(ev.hours, t.h)) {
      const n = findNext(ev.hours, t.h);
      if (n !== undefined) t.setTime(n, 0, 0);
      else t.addDays(1);
      continue;
    }
    if (ev.minutes.length && !listContains(ev.minutes, t.mi)) {
      const n = findNext(ev.minutes, t.mi);
      t.setTime(t.h + (n === undefined ? 1 : 0), n ?? 0, 0);
      continue;
    }
    if (ev.seconds.length && !listContains(ev.seconds, t.s)) {
      const n = findNext(ev.seconds, t.s);
      t.setTime(t.h, t.mi + (n === undefined ? 1 : 0), n ?? 0);
      continue;
    }
    return t.epoch();
  }
  return null;
}

/** The next `count` runs after `after`, each computed from the one before (as PBS's scheduler steps). */
export function nextEvents(ev: CalendarEvent, after: number, zone: string, count: number): number[] {
  const out: number[] = [];
  let t = after;
  while (out.length < count) {
    const n = nextEvent(ev, t, zone);
    if (n === null) break;
    out.push(n);
    t = n;
  }
  return out;
}
