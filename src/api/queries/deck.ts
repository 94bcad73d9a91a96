import { queryOptions } from '@tanstack/react-query';
import { deckConfigSchema } from '@/api/schemas/deck';
import type { Server } from './server';
import { deckKeys } from './keys';
export { deckKeys, isDeckKey } from './keys';

export type { DeckConfig } from '@/api/schemas/deck';

/** The deck server's own settings path: outside the PBS API, the same for the console and the embed. */
export const DECK_CONFIG_PATH = '/deck/config';

export const deckQueries = {
  /** Public (the login page and a logged-out frame read it), so no cookie goes along. */
  config: (srv: Server) =>
    queryOptions({
      queryKey: [...deckKeys.all(srv), 'config'],
      queryFn: async ({ signal }) => {
        const response = await fetch(DECK_CONFIG_PATH, {
          signal,
          headers: { Accept: 'application/json' },
          credentials: 'omit',
        });
        if (!response.ok) throw new Error(`${DECK_CONFIG_PATH} answered ${response.status}`);
        return deckConfigSchema.parse(await response.json());
      },
      staleTime: Infinity,
    }),
};
