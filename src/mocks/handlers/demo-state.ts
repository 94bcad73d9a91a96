// The demo's persistence: the seed, the profile, a clock anchor and the log of successful changes. A reload rebuilds
// the deterministic simulator from the seed and replays the log at the simulated times it happened, so the demo
// keeps its state in that browser without serialising the model.
export interface DemoAction {
  /** simulator time (epoch s) when it happened */
  t: number;
  method: string;
  /** path and query */
  url: string;
  contentType: string | null;
  body: string;
  /** who did it; null for /__sim/ controls */
  authid: string | null;
  /** for a Proxmox VE call: the PVE user signed in on the page */
  pveUser?: string | null;
}

export interface DemoState {
  v: 1;
  seed: number;
  profile: 'demo' | 'large';
  /** simulator epoch when this demo began */
  startTime: number;
  /** a recent (real ms, simulator s) pair: the clock continues from here after a reload */
  anchor: { real: number; sim: number };
  actions: DemoAction[];
}

const KEY = 'pbs-deck.demo';
/** beyond this the log stops growing (localStorage is small); the clock is still kept */
export const MAX_ACTIONS = 2000;

export function loadDemoState(): DemoState | null {
  try {
    const raw = localStorage.getItem(KEY);
    const state = raw ? (JSON.parse(raw) as DemoState) : null;
    return state && state.v === 1 && Array.isArray(state.actions) ? state : null;
  } catch {
    return null;
  }
}

export function saveDemoState(state: DemoState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // storage full or blocked: the demo still works, it just forgets on reload
  }
}

export function clearDemoState(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
