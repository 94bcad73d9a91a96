// One simulator and its auth model, swappable as a whole: /__sim/reset and the demo's "reset" replace both, and
// every handler reads the current pair at request time.
import { createSimulator, type SimOptions, type Simulator } from './sim/simulator';
import { createAuthModel, type AuthModel } from './sim/auth/auth-model';

export interface SimHostOptions extends SimOptions {
  /** overrides the seed-derived signing key of tickets and CSRF tokens */
  authSecret?: string;
}

export interface SimHost {
  sim: Simulator;
  auth: AuthModel;
  /**
   * A fresh simulator and auth model; seed and profile default to the current ones, the start time to the
   * host's own (the real time when it was given none).
   */
  reset(next?: { seed?: number; profile?: 'demo' | 'large'; startTime?: number }): void;
}

export function createSimHost(opts: SimHostOptions = {}): SimHost {
  const sim = createSimulator(opts);
  const auth = createAuthModel({
    seed: sim.seed,
    secret: opts.authSecret,
    realNow: opts.realNow,
    settings: sim.settings,
  });
  return wrapSimHost(sim, auth, opts);
}

/** A host around an existing simulator and auth model; a reset builds new ones from `opts`. */
export function wrapSimHost(sim: Simulator, auth: AuthModel, opts: SimHostOptions = {}): SimHost {
  const host: SimHost = {
    sim,
    auth,
    reset(next = {}) {
      const fresh = createSimHost({
        ...opts,
        seed: next.seed ?? host.sim.seed,
        profile: next.profile ?? host.sim.profile,
        startTime: next.startTime ?? opts.startTime,
      });
      host.sim = fresh.sim;
      host.auth = fresh.auth;
    },
  };
  return host;
}
