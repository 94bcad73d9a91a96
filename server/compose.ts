import { createDeckServer, type DeckServer } from './app.ts';
import { createBadgeHandler } from './badges/badges.ts';
import type { DeckConfig } from './config.ts';
import { createEmbedApi } from './embed/embed-api.ts';
import { createPbsBackend } from './proxy/pbs-backend.ts';
import { createPveMount } from './pve/pve-mount.ts';
import { createStaticHandler } from './static/static.ts';
import type { Backend, Mounts } from './types.ts';

// The deck put together from its configuration: which backend answers /api2/, and which mounts
// serve the rest. main.ts starts it; the server tests start the same deck.

export async function createDeck(config: DeckConfig): Promise<{ server: DeckServer; backend: Backend }> {
  const backend = await createBackend(config);
  return { server: createDeckServer(config, backend, createMounts(config, backend)), backend };
}

async function createBackend(config: DeckConfig): Promise<Backend> {
  if (config.pbs) return createPbsBackend(config, config.pbs);
  // Loaded only when needed, so a deck in front of a real PBS never loads msw or the model.
  const { createSimulatorBackend } = await import('./simulator/simulator-host.ts');
  return createSimulatorBackend(config);
}

function createMounts(config: DeckConfig, backend: Backend): Mounts {
  return {
    serveStatic: createStaticHandler(config.distDir),
    embedApi: createEmbedApi(backend.embed, backend.embedSession ?? null),
    badges: createBadgeHandler(backend.embed, config.badges !== 'off'),
    // PVE_URL needs PBS_URL (config.ts); the simulator answers /pve-api/ with its own PVE.
    pveMount: config.pve && config.pbs ? createPveMount(config.pve, config.pbs) : null,
  };
}
