// Time-zone helpers on top of Intl: PBS prints task-log times and evaluates calendar events in the
// server's local zone, with a numeric offset (never `Z`).

export interface LocalParts {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Monday .. 6 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

// formatToParts is slow; keep the most recent answers (callers ask about the same instants often)
const memo = new Map<string, Map<number, LocalParts>>();

/** Wall-clock fields of `epoch` (seconds) in `zone`. */
export function localParts(epoch: number, zone: string): LocalParts {
  let m = memo.get(zone);
  if (!m) memo.set(zone, (m = new Map()));
  const hit = m.get(epoch);
  if (hit) return hit;
  const p = computeParts(epoch, zone);
  if (m.size > 20000) m.clear();
  m.set(epoch, p);
  return p;
}

function computeParts(epoch: number, zone: string): LocalParts {
  const out: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(epoch * 1000))) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: WEEKDAYS[out.weekday ?? 'Mon'] ?? 0,
  };
}

const offsets = new Map<string, Map<number, number>>();

/** Offset of `zone` from UTC at `epoch`, in seconds (east positive). */
export function zoneOffset(epoch: number, zone: string): number {
  // offsets only change on half-hour boundaries (DST switches), so one answer serves a whole half hour
  const bucket = Math.floor(epoch / 1800) * 1800;
  let m = offsets.get(zone);
  if (!m) offsets.set(zone, (m = new Map()));
  let off = m.get(bucket);
  if (off === undefined) {
    off = computeOffset(bucket, zone);
    if (m.size > 20000) m.clear();
    m.set(bucket, off);
  }
  return off;
}

function computeOffset(epoch: number, zone: string): number {
  const p = computeParts(epoch, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000;
  return asUtc - Math.floor(epoch);
}

/**
 * Epoch of a wall-clock time in `zone`. A time that happens twice (DST ends) gives the first instant;
 * a time skipped (DST starts) is read with the offset before the switch.
 */
export function fromLocal(p: Omit<LocalParts, 'weekday'>, zone: string): number {
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000;
  const before = zoneOffset(asUtc - 43200, zone);
  const after = zoneOffset(asUtc + 43200, zone);
  const valid = [asUtc - before, asUtc - after].filter((t) => t + zoneOffset(t, zone) === asUtc);
  return valid.length > 0 ? Math.min(...valid) : asUtc - before;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2024-06-05T10:00:01+02:00`: RFC 3339 in `zone` with a numeric offset. */
export function formatRfc3339(epoch: number, zone: string): string {
  const p = localParts(epoch, zone);
  const off = zoneOffset(epoch, zone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`
  );
}

/** `2024-06-05T08:00:01Z`: the UTC form PBS uses in snapshot paths. */
export function formatRfc3339Utc(epoch: number): string {
  const d = new Date(epoch * 1000);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`
  );
}
