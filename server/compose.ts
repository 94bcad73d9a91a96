import { createDeckServer, type DeckServer } from './app.ts';
import { createBadgeHandler } from './badges/badges.ts';
import type { DeckConfig } from './config.ts';
import { createEmbedApi } from './embed/embed-api.ts';
import { upstreamTimeouts } from './limits/upstream-timeouts.ts';
import { createRateLimiter, rateLimited, type Clock } from './limits/rate-limit.ts';
import { createPbsBackend } from './proxy/pbs-backend.ts';
import { createPveMount, type PveMount } from './pve/pve-mount.ts';
import { createStaticHandler } from './static/static.ts';
import type { Backend, MountHandler, Mounts } from './types.ts';

// The deck put together from its configuration: which backend answers /api2/, and which mounts
// serve the rest. main.ts starts it; the server tests start the same deck.

export interface DeckOptions {
  /** the rate limit's clock (milliseconds, never going back); tests hand in their own */
  now?: Clock;
}

export async function createDeck(
  config: DeckConfig,
  options: DeckOptions = {},
): Promise<{ server: DeckServer; backend: Backend }> {
  const backend = await createBackend(config);
  const pveMount = await createPve(config, backend);
  return {
    server: createDeckServer(config, backend, { ...createMounts(config, backend, options), pveMount }),
    backend,
  };
}

async function createBackend(config: DeckConfig): Promise<Backend> {
  if (config.pbs) return createPbsBackend(config, config.pbs);
  // Loaded only when needed, so a deck in front of a real PBS never loads msw or the model.
  const { createSimulatorBackend } = await import('./simulator/simulator-host.ts');
  return createSimulatorBackend(config);
}

function createMounts(config: DeckConfig, backend: Backend, options: DeckOptions): Omit<Mounts, 'pveMount'> {
  // One budget per client for both paths that need no login.
  const { rateLimit, trustProxy } = config.limits;
  const limiter = rateLimit ? createRateLimiter(rateLimit, options.now) : null;
  const limited = (handler: MountHandler) =>
    limiter && rateLimit ? rateLimited(handler, limiter, rateLimit, trustProxy) : handler;
  return {
    serveStatic: createStaticHandler(config.distDir),
    embedApi: limited(createEmbedApi(backend.embed, backend.embedSession ?? null)),
    badges: limited(createBadgeHandler(backend.embed, config.badges !== 'off')),
  };
}

/** /pve-api/: PVE_URL behind PBS_URL (config.ts refuses one without the other), or the simulator's own PVE. */
async function createPve(config: DeckConfig, backend: Backend): Promise<PveMount | null> {
  const tls = config.tls !== null;
  if (config.pve && config.pbs)
    return createPveMount(config.pve, config.pbs, tls, upstreamTimeouts(config.limits.pbsTimeoutS));
  if (backend.simulator && config.pveSim) {
    // Loaded only on a simulator deck, like the simulator itself.
    const { createSimPveMount } = await import('./pve/pve-sim-mount.ts');
    return createSimPveMount(config.pveSim, backend.simulator, tls);
  }
  return null;
}
