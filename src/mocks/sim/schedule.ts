// The model's event loop: one-shot events (task ends) and recurring sources (nightly backups, GC
// schedules, prune and verify jobs), run in time order whenever the model is brought up to a time.
import { nextEvent, parseCalendarEvent, type CalendarEvent } from '@/lib/calendar-event';
import type { Scheduled } from './ctx';

export interface Source {
  /** next firing time, or null when it never fires again */
  next(): number | null;
  fire(at: number): void;
}

interface Pending {
  t: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class EventLoop {
  private readonly queue: Pending[] = [];
  private seq = 0;
  readonly sources: Source[] = [];
  /** time the model has been brought up to */
  time: number;

  constructor(start: number) {
    this.time = start;
  }

  at(t: number, fn: () => void): Scheduled {
    const p: Pending = { t, seq: this.seq++, fn, cancelled: false };
    let i = this.queue.length;
    while (i > 0 && (this.queue[i - 1]?.t ?? 0) > t) i--;
    this.queue.splice(i, 0, p);
    return { cancel: () => (p.cancelled = true) };
  }

  runUntil(target: number): void {
    for (;;) {
      while (this.queue[0]?.cancelled) this.queue.shift();
      const head = this.queue[0];
      let src: Source | undefined;
      let srcT = Infinity;
      for (const s of this.sources) {
        const n = s.next();
        if (n !== null && n < srcT) {
          srcT = n;
          src = s;
        }
      }
      // task ends go before anything starting at the same second
      if (head && head.t <= target && head.t <= srcT) {
        this.queue.shift();
        this.time = Math.max(this.time, head.t);
        head.fn();
      } else if (src && srcT <= target) {
        this.time = Math.max(this.time, srcT);
        src.fire(srcT);
      } else break;
    }
    this.time = Math.max(this.time, target);
  }
}

const parsed = new Map<string, CalendarEvent | null>();
const nextCache = new Map<string, number | null>();

/** Next run of a calendar event after `last` in `zone`, memoised (schedules are re-asked on every loop turn). */
export function nextRun(schedule: string, last: number, zone: string): number | null {
  const key = `${schedule}|${last}|${zone}`;
  const hit = nextCache.get(key);
  if (hit !== undefined) return hit;
  let ev = parsed.get(schedule);
  if (ev === undefined) {
    try {
      ev = parseCalendarEvent(schedule);
    } catch {
      ev = null;
    }
    parsed.set(schedule, ev);
  }
  const n = ev ? nextEvent(ev, last, zone) : null;
  if (nextCache.size > 5000) nextCache.clear();
  nextCache.set(key, n);
  return n;
}
