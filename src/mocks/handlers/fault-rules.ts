// A simulator's fault rules (the format: fault-rule.ts), beside the global rates of `sim.faults`. Matching is
// exact and in the order the rules were added (the first match wins), with no randomness: the same calls meet the
// same faults in every run.
import type { Simulator } from '../sim/simulator';
import { parseFaultRule, type FaultRule } from './fault-rule';

interface Entry {
  rule: FaultRule;
  segments: string[];
  left: number | null;
}

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** `pattern`: a rule's path split at '/' */
function pathMatches(pattern: string[], path: string): boolean {
  const parts = path.split('/').map(decode);
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!;
    if (want === '**' && i === pattern.length - 1) return true;
    const got = parts[i];
    if (got === undefined || (want === '*' ? got === '' : want !== got)) return false;
  }
  return parts.length === pattern.length;
}

function checked(rules: FaultRule[]): Entry[] {
  return rules
    .map((r, i) => parseFaultRule(r, `rules[${i}]`))
    .map((rule) => ({ rule, segments: rule.path.split('/'), left: rule.times ?? null }));
}

export class FaultRules {
  private entries: Entry[] = [];
  /** set while the demo replays its log: the replay runs without faults */
  suspended = false;

  /** Appends rules after checking every one: an Error names the bad field, and then nothing is added. */
  add(...rules: FaultRule[]): void {
    this.entries.push(...checked(rules));
  }

  /** The list becomes `rules` (checked first; a bad one leaves the list as it was). */
  replace(rules: FaultRule[]): void {
    this.entries = checked(rules);
  }

  clear(): void {
    this.entries = [];
  }

  /** the rules in force, in order, each with what is left of its `times` */
  list(): FaultRule[] {
    return this.entries.map((e) => (e.left === null ? { ...e.rule } : { ...e.rule, times: e.left }));
  }

  /**
   * The first rule for this call that `usable` accepts, with the call counted against its `times`; null when
   * none applies or the rules are suspended.
   */
  take(method: string, path: string, usable: (rule: FaultRule) => boolean = () => true): FaultRule | null {
    if (this.suspended) return null;
    const upper = method.toUpperCase();
    const at = this.entries.findIndex(
      (e) => (e.rule.method ?? upper) === upper && pathMatches(e.segments, path) && usable(e.rule),
    );
    const entry = this.entries[at];
    if (!entry) return null;
    if (entry.left !== null && --entry.left === 0) this.entries.splice(at, 1);
    return entry.rule;
  }
}

// Keyed by the simulator: a reset builds a new one, and with it an empty list.
const bySim = new WeakMap<Simulator, FaultRules>();

/** This simulator's fault rules; unit tests add rules here directly instead of posting to /__sim/faults. */
export function faultRules(sim: Simulator): FaultRules {
  let rules = bySim.get(sim);
  if (!rules) {
    rules = new FaultRules();
    bySim.set(sim, rules);
  }
  return rules;
}
