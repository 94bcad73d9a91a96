// The simulated Proxmox VE as the console's tests meet it: its demo users' passwords and second factors (codes on
// the simulator's clock, as the simulated PVE checks them), what it holds (guests, the next free VMID, restore
// tasks), the requests the console sent to the deck's /pve-api/, and the deck's own layer in token mode in front of
// it (the page runs it in user mode).
import { getResponse, http, type HttpHandler } from 'msw';
import type { SetupServer } from 'msw/node';
import { onTestFinished } from 'vitest';
import { createPveDeck } from '@/lib/pve-deck';
import { pageKeeper } from '@/lib/pve-deck-sessions';
import type { TokenRules } from '@/lib/pve-gate';
import { createHandlers } from '@/mocks/handlers/handlers';
import { simPveDeckConfig } from '@/mocks/pve/pve-deck-config';
import { simPveFetch } from '@/mocks/pve/pve-fetch';
import { PVE_SIM_ORIGIN } from '@/mocks/pve/pve-handlers';
import { pveModel } from '@/mocks/pve/pve-model';
import {
  PVE_DEMO_PASSWORD,
  PVE_RECOVERY_KEYS,
  PVE_TOTP_SECRET,
  SIM_PVE_TOKEN,
  SIM_PVE_TOKEN_ID,
} from '@/mocks/pve/pve-users';
import type { SimHost } from '@/mocks/sim-host';
import { base32Decode, totpAt } from '@/mocks/sim/auth/totp';
import type { Simulator } from '@/mocks/sim/simulator';

export const pveDemo = {
  password: PVE_DEMO_PASSWORD,
  recoveryKeys: PVE_RECOVERY_KEYS,
  tokenId: SIM_PVE_TOKEN_ID,
};

/** What the simulated PVE beside this simulator holds now. */
export function simPve(sim: Simulator) {
  const m = pveModel(sim);
  return {
    nextId: () => m.nextId(),
    guest: (vmid: number) => {
      const g = m.guests.get(vmid);
      if (!g) throw new Error(`the simulated PVE has no guest ${vmid}`);
      return g;
    },
    /** the restore tasks PVE started, oldest first */
    tasks: () => [...m.tasks.values()].map((t) => ({ upid: t.upid, user: t.user, vmid: Number(t.id) })),
    /** seconds of the simulator's clock until every task has written its last line */
    untilTasksEnd: () => Math.max(0, ...[...m.tasks.values()].map((t) => m.endOf(t) - sim.now())),
    /** pve-totp@pve's TOTP code now */
    totp: () => totpAt(base32Decode(PVE_TOTP_SECRET), sim.now()),
  };
}

/** The requests the console sends to /pve-api/ during this test, as `METHOD /path`. */
export function watchPveApi(server: SetupServer) {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/pve-api/')) seen.push(`${request.method} ${pathname}`);
  };
  server.events.on('request:start', listener);
  onTestFinished(() => server.events.removeListener('request:start', listener));
  return {
    seen,
    /** all but the deck's session, PVE's realms and the login: what asks PVE about its guests and storages */
    get pveReads() {
      return seen.filter((r) => !/ \/pve-api\/(deck\/session|api2\/json\/access\/(domains|ticket))$/.test(r));
    },
  };
}

/** The deck's /pve-api/ layer in token mode, with the simulated PVE's token, for `server.use`. */
export function tokenModeDeck(host: SimHost, rules: Omit<TokenRules, 'tokenId'>): HttpHandler[] {
  const ctx = { host, authFailDelayMs: 0, forbiddenDelayMs: 0, authFailureReasons: false };
  const pbsHandlers = createHandlers({ host, authFailDelayMs: 0, forbiddenDelayMs: 0 });
  const { storages, node } = simPveDeckConfig();
  let deck: ReturnType<typeof createPveDeck> | null = null;
  return [
    http.all('/pve-api/*', ({ request, cookies }) => {
      const origin = new URL(request.url).origin;
      deck ??= createPveDeck({
        mode: 'token',
        pveFetch: simPveFetch(ctx),
        pveOrigin: PVE_SIM_ORIGIN,
        pbsFetch: async (r) =>
          (await getResponse(pbsHandlers, r, { baseUrl: origin })) ?? new Response(null, { status: 404 }),
        pbsOrigin: origin,
        storageMap: new Map(storages.map((s) => [s.storage, { store: s.store, ns: s.ns || null }])),
        node,
        token: { value: SIM_PVE_TOKEN, rules: { ...rules, tokenId: SIM_PVE_TOKEN_ID } },
        keeper: pageKeeper(),
        sameSite: false,
      });
      return deck(request, cookies);
    }),
  ];
}
