// Median, min and max of a list of samples, in the shape bench/results.json uses.

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round = (v, digits) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v);

/** One timed (or repeated) measure: value is the median of the samples. */
export function summarize(name, unit, samples, extra = {}, digits = 1) {
  return {
    name,
    value: round(median(samples), digits),
    unit,
    min: round(Math.min(...samples), digits),
    max: round(Math.max(...samples), digits),
    runs: samples.length,
    ...extra,
  };
}

/** A count, or a figure that does not depend on the machine: one run. */
export function count(name, unit, value, extra = {}) {
  return { name, value, unit, min: value, max: value, runs: 1, ...extra };
}

/** The ratio of two medians, as its own result (unit "x"). */
export function ratio(name, measure, floor) {
  const r = (a, b) => round(a / b, 2);
  return {
    name,
    value: r(measure.value, floor.value),
    unit: 'x',
    min: r(measure.min, floor.max),
    max: r(measure.max, floor.min),
    runs: Math.min(measure.runs, floor.runs),
  };
}

/** Runs fn n times, one after the other, and returns what each call returned. */
export async function repeat(n, fn) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}
