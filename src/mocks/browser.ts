// The demo build's PBS: the simulator runs in the page behind msw's service worker. State survives a reload
// (demo-state.ts, demo-replay.ts); `?profile=large` picks the large profile, `?seed=N` another seed,
// `?start=<ISO 8601 instant>` the simulator's start (default: now); resetDemo() starts over.
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { describeAction, replayActions } from './handlers/demo-replay';
import {
  clearDemoState,
  loadDemoState,
  MAX_ACTIONS,
  saveDemoState,
  type DemoAction,
  type DemoState,
} from './handlers/demo-state';
import { createHandlers } from './handlers/handlers';
import { createSimHost } from './sim-host';
import { parseStartInstant } from './sim/test-start';

const DEFAULT_SEED = 1;

function freshState(seed: number, profile: 'demo' | 'large', now: number): DemoState {
  return { v: 1, seed, profile, startTime: now, anchor: { real: Date.now(), sim: now }, actions: [] };
}

function startParam(q: URLSearchParams): number | null {
  const text = q.get('start');
  if (!text) return null;
  try {
    return parseStartInstant(text, 'start');
  } catch (e) {
    console.warn(`demo: ${(e as Error).message}; starting now`);
    return null;
  }
}

function initialState(): DemoState {
  const q = new URLSearchParams(location.search);
  const profile = q.get('profile') === 'large' ? 'large' : 'demo';
  const seed = q.has('seed') && Number.isInteger(Number(q.get('seed'))) ? Number(q.get('seed')) : null;
  const start = startParam(q);
  const saved = loadDemoState();
  const matches = saved && saved.profile === profile && (seed === null || seed === saved.seed);
  if (matches && (start === null || start === saved.startTime)) return saved;
  return freshState(seed ?? DEFAULT_SEED, profile, start ?? Math.floor(Date.now() / 1000));
}

/**
 * msw hands the page a copy of every answer for its response events, as a stream from the service worker. Unread,
 * that stream stays open: the page keeps its end and the worker the whole body, for as long as the page lives, and
 * a demo left open for a day piles up thousands. Nothing here reads the copy, so it is cancelled at once.
 */
function discardCopy(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

let started = false;
// Set by resetDemo: the page is about to reload onto a fresh simulator, so its state must not be saved again.
let resetting = false;

export async function startDemoWorker(): Promise<void> {
  if (started) return;
  started = true;
  let state = initialState();
  const host = createSimHost({ seed: state.seed, profile: state.profile, startTime: state.startTime });
  await replayActions(host, state.actions);
  // the clock went on while the page was closed
  host.sim.setTime(Math.max(host.sim.now(), state.anchor.sim + Math.floor((Date.now() - state.anchor.real) / 1000)));

  const pending = new Map<string, DemoAction>();
  const recorder = http.all('*', async ({ request, requestId, cookies }) => {
    const action = await describeAction(host, request, cookies);
    if (action) pending.set(requestId, action);
    return undefined; // fall through to the real handlers
  });
  // An action is replayed at the time its handler ran, which a latency fault or a slow body read can put seconds
  // after the request arrived.
  const onCall = (requestId: string, now: number) => {
    const action = pending.get(requestId);
    if (action) action.t = now;
  };
  const worker = setupWorker(recorder, ...createHandlers({ host, allowControl: true, embedApi: true, onCall }));
  const save = () => {
    if (resetting) return;
    state.anchor = { real: Date.now(), sim: host.sim.now() };
    saveDemoState(state);
  };
  worker.events.on('response:mocked', ({ response, requestId }) => {
    discardCopy(response);
    const action = pending.get(requestId);
    pending.delete(requestId);
    if (action && response.status >= 200 && response.status < 400) {
      if (action.url.startsWith('/__sim/reset')) state = freshState(host.sim.seed, host.sim.profile, host.sim.now());
      else if (state.actions.length < MAX_ACTIONS) state.actions.push(action);
    }
    save();
  });
  worker.events.on('response:bypass', ({ response }) => discardCopy(response));
  addEventListener('pagehide', save);

  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}

/** Forgets the demo's changes and clock, and reloads the page onto a fresh simulator. */
export function resetDemo(): void {
  resetting = true;
  clearDemoState();
  location.reload();
}
