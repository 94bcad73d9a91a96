// /pve-api/ in the static demo (and the console's unit tests): the deck server's layer (lib/pve-deck.ts) run in the
// page, in user mode, in front of the simulated Proxmox VE, asking the simulated PBS about the session as the deck
// asks a real one. One PVE session for the page, in memory: a page cannot keep an HttpOnly cookie, and a reload
// signs out of PVE, and so does a reset of the simulator (a new simulated PVE).
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { createPveDeck, type PveDeck } from '@/lib/pve-deck';
import { pageKeeper } from '@/lib/pve-deck-sessions';
import { simPveDeckConfig } from '../pve/pve-deck-config';
import { simPveFetch } from '../pve/pve-fetch';
import { PVE_SIM_ORIGIN } from '../pve/pve-handlers';
import type { SimHost } from '../sim-host';
import type { Simulator } from '../sim/simulator';
import type { HandlerContext } from './context';

const TICKET_PATH = '/pve-api/api2/json/access/ticket';
/** who is signed in to PVE on this page, so the demo can log a restore as that PVE user and replay it as them */
const pageUsers = new WeakMap<Simulator, string>();

export function pagePveUser(host: SimHost): string | null {
  return pageUsers.get(host.sim) ?? null;
}

export function pveDeckHandlers(ctx: HandlerContext, pbsHandlers: HttpHandler[]): HttpHandler[] {
  // the deck's sessions hold tickets of one simulated PVE: a new simulator starts without a PVE login
  const decksBySim = new WeakMap<Simulator, Map<string, PveDeck>>();
  const deckFor = (origin: string) => {
    let decks = decksBySim.get(ctx.host.sim);
    if (!decks) {
      decks = new Map();
      decksBySim.set(ctx.host.sim, decks);
    }
    let deck = decks.get(origin);
    if (!deck) {
      const { storages, node } = simPveDeckConfig();
      deck = createPveDeck({
        mode: 'user',
        pveFetch: simPveFetch(ctx),
        pveOrigin: PVE_SIM_ORIGIN,
        pbsFetch: async (request) => {
          const response =
            (await getResponse(pbsHandlers, request, { baseUrl: origin })) ??
            new HttpResponse('not found', { status: 404 });
          // a dropped connection (a fault) fails as fetch fails
          if (response.type === 'error') throw new TypeError('fetch failed');
          return response;
        },
        pbsOrigin: origin,
        storageMap: new Map(storages.map((s) => [s.storage, { store: s.store, ns: s.ns || null }])),
        node,
        token: null,
        keeper: pageKeeper(),
        // only this page's own requests reach the page's handlers
        sameSite: false,
      });
      decks.set(origin, deck);
    }
    return deck;
  };
  return [
    http.all('/pve-api/*', async ({ request, cookies }) => {
      const url = new URL(request.url);
      const response = await deckFor(url.origin)(request, cookies);
      if (url.pathname === TICKET_PATH && response.ok) {
        if (request.method === 'DELETE') pageUsers.delete(ctx.host.sim);
        else {
          const data = ((await response.clone().json()) as { data?: { username?: string; NeedTFA?: number } }).data;
          if (data?.username && !data.NeedTFA) pageUsers.set(ctx.host.sim, data.username);
        }
      } else if (response.headers.get('X-Deck-Pve-Login') === 'required') pageUsers.delete(ctx.host.sim);
      return response;
    }),
  ];
}
