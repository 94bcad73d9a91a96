import { accessQueries } from '@/api/queries/access';
import { defaultServer } from '@/api/queries/default-server';
import { deckQueries } from '@/api/queries/deck';

export type { DemoLogin } from '@/api/schemas/deck';

export const authQueries = {
  domains: () => accessQueries.domains(defaultServer),
  /** Served by the deck server (or the demo worker), not by PBS: outside /api2/json. */
  deckConfig: () => ({ ...deckQueries.config(defaultServer), retry: false }),
};
