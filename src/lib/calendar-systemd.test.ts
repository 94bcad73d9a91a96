/// <reference types="node" />
// Differential test: our next runs against `systemd-analyze calendar --iterations=10` on generated expressions of
// the syntax PBS and systemd share (no wrapping weekday ranges, no bare minutes, no range steps, no years). UTC for
// all of them, and Europe/Vienna for those that never fire in the 02:00 hour, where the two handle DST differently.
// systemd must be installed (.ci/run installs it); without it this test fails, it is never skipped.
import { execFileSync } from 'node:child_process';
import { nextEvents, parseCalendarEvent } from './calendar-event';
import { localParts } from './tz';

const BASE = Date.UTC(2024, 5, 5, 10, 0, 1) / 1000; // Wed 2024-06-05 10:00:01 UTC
const N = 10;

/** A small deterministic generator (mulberry32), so a failure names an expression that reproduces. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  return { next, int, pick };
}

type Rand = ReturnType<typeof rng>;
const pad = (n: number) => String(n).padStart(2, '0');
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A numeric field from `pool` (allowed values): one value, a list, a range or a start/step. systemd refuses a
 * step that does not fit again below the field's maximum (16/16 for hours). And PBS's find_next steps past the
 * last value into the next hour or day (0/7 hours: 21 → 28 → 04:00 next day), skipping the values before that
 * point, where systemd starts the next day over; so only steps that come round to the start or before it.
 */
function numField(
  r: Rand,
  pool: number[],
  opts: { star?: boolean; step?: boolean; width?: number; max?: number } = {},
): string {
  const p = (n: number) => (opts.width ? pad(n) : String(n));
  const kind = r.int(0, opts.star ? 4 : 3);
  const sorted = [...new Set([r.pick(pool), r.pick(pool), r.pick(pool)])].sort((a, b) => a - b);
  if (kind === 0 || (kind === 3 && !opts.step)) return p(r.pick(pool));
  if (kind === 1) return sorted.map(p).join(',');
  if (kind === 2) {
    const a = sorted[0] ?? 0;
    const b = sorted[sorted.length - 1] ?? a;
    return a === b ? p(a) : `${p(a)}..${p(b)}`;
  }
  if (kind === 3) {
    const start = r.pick(pool);
    const max = opts.max ?? 59;
    const steps = Array.from({ length: 19 }, (_, i) => i + 2).filter((k) => {
      const last = start + Math.floor((max - start) / k) * k;
      return k <= max - start && last + k - (max + 1) <= start;
    });
    return steps.length === 0 ? p(start) : `${p(start)}/${r.pick(steps)}`;
  }
  return '*';
}

function expression(r: Rand, vienna: boolean): string {
  const parts: string[] = [];
  const weekday = r.next() < 0.4;
  if (weekday) {
    const a = r.int(0, 6);
    const b = r.int(a, 6);
    parts.push(
      r.next() < 0.5 || a === b
        ? (DAYS[a] ?? 'Mon')
        : r.next() < 0.5
          ? `${DAYS[a]}..${DAYS[b]}`
          : `${DAYS[a]},${DAYS[b]}`,
    );
  }
  if (r.next() < 0.35) {
    const month = weekday ? '*' : numField(r, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { star: true, width: 2 });
    const day = numField(
      r,
      Array.from({ length: 28 }, (_, i) => i + 1),
      { star: true, width: 2 },
    );
    parts.push(`*-${month}-${day}`);
  }
  const hourPool = Array.from({ length: 24 }, (_, i) => i).filter((h) => !vienna || h !== 2);
  const hours = numField(r, hourPool, { star: !vienna, step: !vienna, width: 2, max: 23 });
  const minutes = numField(
    r,
    Array.from({ length: 60 }, (_, i) => i),
    { star: true, step: true, width: 2, max: 59 },
  );
  const seconds = r.next() < 0.2 ? `:${numField(r, [0, 15, 30, 45], { width: 2 })}` : '';
  if (parts.length === 0 || r.next() < 0.85) parts.push(`${hours}:${minutes}${seconds}`);
  return parts.join(' ');
}

function generate(seed: number, count: number, vienna: boolean): string[] {
  const r = rng(seed);
  const out = new Set<string>();
  while (out.size < count) out.add(expression(r, vienna));
  return [...out];
}

/** systemd-analyze's elapses per expression, as `YYYY-MM-DD HH:MM:SS` local times of TZ. */
function systemd(exprs: string[], tz: string): Map<string, string[]> {
  let text: string;
  try {
    text = execFileSync('systemd-analyze', ['calendar', `--iterations=${N}`, `--base-time=@${BASE}`, ...exprs], {
      encoding: 'utf8',
      env: { ...process.env, TZ: tz, LC_ALL: 'C', SYSTEMD_COLORS: '0' },
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT')
      throw new Error("systemd-analyze is missing: install Debian's systemd package (.ci/run does) to run this test");
    throw new Error(`systemd-analyze failed: ${err.stderr ?? err.message}`);
  }
  // one block per expression, in order; each has a "Normalized form" line ("Original form" only when they differ)
  const blocks: string[][] = [];
  for (const line of text.split('\n')) {
    if (/^\s*Normalized form: /.test(line)) blocks.push([]);
    const when = /(?:Next elapse|Iter\. #\d+): \w+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/.exec(line);
    if (when) blocks[blocks.length - 1]?.push(when[1] ?? '');
  }
  if (blocks.length !== exprs.length)
    throw new Error(`systemd-analyze answered ${blocks.length} of ${exprs.length} expressions`);
  return new Map(exprs.map((e, i) => [e, blocks[i] ?? []]));
}

function ours(expr: string, zone: string): string[] {
  return nextEvents(parseCalendarEvent(expr), BASE, zone, N).map((t) => {
    const p = localParts(t, zone);
    return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  });
}

describe('calendar events against systemd-analyze', () => {
  it.each([
    ['UTC', generate(20240605, 170, false)],
    ['Europe/Vienna', generate(17, 60, true)],
  ])('%s: the next 10 runs agree', (zone, exprs) => {
    const theirs = systemd(exprs, zone);
    const diffs = exprs.filter((e) => JSON.stringify(ours(e, zone)) !== JSON.stringify(theirs.get(e)));
    expect(diffs.map((e) => ({ e, ours: ours(e, zone), systemd: theirs.get(e) })).slice(0, 3)).toEqual([]);
    // every expression fires: a run of empty lists would agree without testing anything
    expect(exprs.every((e) => (theirs.get(e) ?? []).length === N)).toBe(true);
  });
});
