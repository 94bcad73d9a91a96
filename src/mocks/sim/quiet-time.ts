// A fixed point in the simulated week for tests: the latest Wednesday 11:00 UTC (12:00 or 13:00 in the demo's
// Vienna zone) at or before now. No nightly backup, prune, GC or weekly verify runs near it, and every test run
// builds the same weekdays of history before it, whatever the real time of day.
const DAY = 86400;
// 1970-01-01 was a Thursday: day numbers (epoch / 86400) with (n + 4) % 7 === 3 are Wednesdays.
const WEDNESDAY = 3;

export function quietStartTime(realNowMs: number = Date.now()): number {
  const now = Math.floor(realNowMs / 1000);
  let day = Math.floor(now / DAY);
  while ((day + 4) % 7 !== WEDNESDAY || day * DAY + 11 * 3600 > now) day--;
  return day * DAY + 11 * 3600;
}
