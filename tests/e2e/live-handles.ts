/*
 * An init script that counts what a page keeps alive: timers (scheduled minus fired or cleared; an interval until it
 * is cleared) and event listeners (added minus removed, fired `once`, or removed by their abort signal; only those on
 * targets still alive). It also counts the fetches in flight and the answer bodies being read, so that a test that
 * drives the page's clock can wait for every answer before it moves the clock again, and it knows when each timer
 * falls due, so that the test can stop the clock exactly there.
 *
 * Add it after `page.clock.install()`: init scripts run in the order they were added, so it wraps the clock's timers.
 */

export interface PageSample {
  /** the page's clock (epoch ms) */
  now: number;
  timeouts: number;
  intervals: number;
  listeners: number;
  /** live listeners by target and event type, e.g. `Window keydown` */
  listenersByKind: Record<string, number>;
  path: string;
  /** the text of an open alert dialog (the re-login dialog is one), or null */
  alert: string | null;
}

interface Probe {
  sample(): PageSample;
  /** live timers by where they were scheduled: the first few frames of the stack that scheduled them */
  timerSites(): Record<string, number>;
  /** the earliest instant after now at which a timer of at least `minDelay` ms falls due, or null */
  nextDue(minDelay: number): number | null;
  /** resolves once no fetch is in flight and no body is being read, and that held for a few task turns */
  settle(): Promise<void>;
}

declare global {
  interface Window {
    __liveHandles?: Probe;
  }
}

/** Runs in the page before any of its scripts (page.addInitScript); self-contained, as Playwright serialises it. */
export function installLiveHandles(): void {
  // Node's typings shadow the DOM's timer functions in this project, so the page's are typed here by hand.
  type SetTimer = (handler: TimerHandler, timeout?: number, ...args: unknown[]) => number;
  type ClearTimer = (id?: number) => void;
  interface Timers {
    setTimeout: SetTimer;
    setInterval: SetTimer;
    clearTimeout: ClearTimer;
    clearInterval: ClearTimer;
  }
  interface Live {
    interval: boolean;
    delay: number;
    /** when it was scheduled, on the page's clock */
    at: number;
    site: string;
  }
  const live = new Map<number, Live>();
  const timers = window as unknown as Timers;
  const native: Timers = {
    setTimeout: timers.setTimeout.bind(window),
    setInterval: timers.setInterval.bind(window),
    clearTimeout: timers.clearTimeout.bind(window),
    clearInterval: timers.clearInterval.bind(window),
  };
  const site = () =>
    (new Error().stack ?? '')
      .split('\n')
      .slice(4, 8)
      .map((line) => line.trim().replace(/https?:\/\/[^/]+/, ''))
      .join(' < ');
  const track = (id: number, interval: boolean, delay?: number) =>
    live.set(id, { interval, delay: Math.max(0, Number(delay) || 0), at: Date.now(), site: site() });

  timers.setTimeout = (handler, timeout, ...args) => {
    if (typeof handler !== 'function') return native.setTimeout(handler, timeout, ...args);
    const id = native.setTimeout(
      function (this: unknown, ...a: unknown[]) {
        live.delete(id);
        return (handler as (...x: unknown[]) => unknown).apply(this, a);
      },
      timeout,
      ...args,
    );
    track(id, false, timeout);
    return id;
  };
  timers.setInterval = (handler, timeout, ...args) => {
    const id = native.setInterval(handler, timeout, ...args);
    track(id, true, timeout);
    return id;
  };
  // Timeouts and intervals share one id space, and either clear function clears either kind.
  timers.clearTimeout = (id) => {
    if (id !== undefined) live.delete(id);
    native.clearTimeout(id);
  };
  timers.clearInterval = (id) => {
    if (id !== undefined) live.delete(id);
    native.clearInterval(id);
  };

  // target → "type|capture" → listener as given → the function the browser holds (a wrapper for `once`)
  type Registered = Map<EventListenerOrEventListenerObject, EventListenerOrEventListenerObject>;
  const registry = new WeakMap<EventTarget, Map<string, Registered>>();
  const targets = new Set<WeakRef<EventTarget>>();
  const proto = EventTarget.prototype;
  const nativeAdd = proto.addEventListener;
  const nativeRemove = proto.removeEventListener;
  const capture = (options?: boolean | EventListenerOptions) =>
    typeof options === 'boolean' ? options : Boolean(options?.capture);

  proto.addEventListener = function (
    this: EventTarget | undefined,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    // a bare `addEventListener(...)` in a module calls with no receiver: the browser takes the window
    const target = this ?? window;
    const opts = typeof options === 'object' ? options : undefined;
    if (!listener || opts?.signal?.aborted) return nativeAdd.call(target, type, listener, options);
    let byKey = registry.get(target);
    if (!byKey) {
      byKey = new Map();
      registry.set(target, byKey);
      targets.add(new WeakRef(target));
    }
    const key = `${type}|${capture(options)}`;
    let registered = byKey.get(key);
    if (!registered) {
      registered = new Map();
      byKey.set(key, registered);
    }
    // the browser ignores a listener already registered for this type and phase
    if (registered.has(listener)) return;
    const list = registered;
    let held: EventListenerOrEventListenerObject = listener;
    if (opts?.once) {
      held = function (this: unknown, event: Event) {
        list.delete(listener);
        return typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
      };
    }
    list.set(listener, held);
    if (opts?.signal) nativeAdd.call(opts.signal, 'abort', () => list.delete(listener), { once: true });
    return nativeAdd.call(target, type, held, options);
  };
  proto.removeEventListener = function (
    this: EventTarget | undefined,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    const target = this ?? window;
    const registered = listener ? registry.get(target)?.get(`${type}|${capture(options)}`) : undefined;
    const held = listener ? registered?.get(listener) : undefined;
    if (listener && held) registered?.delete(listener);
    return nativeRemove.call(target, type, held ?? listener, options);
  };

  const liveListeners = () => {
    const byKind: Record<string, number> = {};
    for (const ref of targets) {
      const target = ref.deref();
      if (!target) {
        targets.delete(ref);
        continue;
      }
      for (const [key, registered] of registry.get(target) ?? []) {
        const kind = `${target.constructor.name} ${key.split('|')[0]}`;
        if (registered.size > 0) byKind[kind] = (byKind[kind] ?? 0) + registered.size;
      }
    }
    return byKind;
  };

  let busy = 0;
  let idle: (() => void)[] = [];
  const begin = () => {
    busy++;
  };
  const end = () => {
    busy--;
    if (busy > 0) return;
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  };
  const nativeFetch = window.fetch;
  window.fetch = function (...args: Parameters<typeof fetch>) {
    begin();
    const answer = nativeFetch.apply(window, args);
    answer.then(end, end);
    return answer;
  };
  for (const name of ['text', 'json', 'arrayBuffer', 'blob', 'formData', 'bytes'] as const) {
    const read = Response.prototype[name] as ((this: Response) => Promise<unknown>) | undefined;
    if (!read) continue;
    Object.defineProperty(Response.prototype, name, {
      configurable: true,
      writable: true,
      value: function (this: Response) {
        begin();
        const body = read.call(this);
        body.then(end, end);
        return body;
      },
    });
  }

  // A task turn that needs no timer: the page's timers belong to the test's clock.
  const turn = () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });

  window.__liveHandles = {
    sample() {
      const listenersByKind = liveListeners();
      const all = [...live.values()];
      return {
        now: Date.now(),
        timeouts: all.filter((t) => !t.interval).length,
        intervals: all.filter((t) => t.interval).length,
        listeners: Object.values(listenersByKind).reduce((a, b) => a + b, 0),
        listenersByKind,
        path: location.pathname,
        alert: document.querySelector('[role="alertdialog"]')?.textContent ?? null,
      };
    },
    timerSites() {
      const sites: Record<string, number> = {};
      for (const t of live.values()) {
        const key = `${t.interval ? 'interval' : 'timeout'} ${t.delay} ms: ${t.site}`;
        sites[key] = (sites[key] ?? 0) + 1;
      }
      return sites;
    },
    nextDue(minDelay) {
      const now = Date.now();
      let next: number | null = null;
      for (const t of live.values()) {
        if (t.delay < minDelay) continue;
        // an interval falls due every `delay` from when it was scheduled
        const due = t.interval ? t.at + t.delay * (Math.floor((now - t.at) / t.delay) + 1) : t.at + t.delay;
        if (due > now && (next === null || due < next)) next = due;
      }
      return next;
    },
    async settle() {
      for (;;) {
        if (busy > 0) await new Promise<void>((resolve) => idle.push(resolve));
        // what an answer sets off (parsing, rendering, a follow-up request) runs in the next few task turns
        for (let i = 0; i < 10 && busy === 0; i++) await turn();
        if (busy === 0) return;
      }
    },
  };
}
