// All simulator handlers for msw: PBS's /api2/json API, /deck/config and the /__sim/ control surface, with relative
// paths (the deck server passes `baseUrl` to getResponse; the browser and jsdom resolve against the page).
import { http, type HttpHandler } from 'msw';
import type { AuthModel } from '../sim/auth/auth-model';
import type { Simulator } from '../sim/simulator';
import { wrapSimHost, type SimHost, type SimHostOptions } from '../sim-host';
import { accessHandlers } from './access';
import { aclHandlers } from './access-acl';
import { userHandlers } from './access-users';
import { adminHandlers } from './admin';
import { authenticate } from './auth-gate';
import { configHandlers } from './config';
import { contentWriteHandlers } from './content-write';
import type { HandlerContext } from './context';
import { datastoreHandlers } from './datastore';
import { deckConfigHandler, type SimDeckConfig } from './deck-config';
import { embedApiHandler } from './embed-api';
import { nodeHandlers } from './node';
import { errorToResponse, applyFaults, API } from './route';
import { simControlHandlers } from './sim-control';
import { statusHandlers } from './status';
import { taskHandlers } from './tasks';
import { verifyJobHandlers } from './verify-jobs';
import { pruneHandlers } from './prune';
import { syncHandlers } from './sync';
import { restoreHandlers } from './restore';
import { textResponse } from './respond';
import { pveDeckHandlers } from './pve-deck';

export interface HandlerOptions {
  /** the simulator and auth model; or pass `sim` and `auth` */
  host?: SimHost;
  sim?: Simulator;
  auth?: AuthModel;
  /** delay before every 401 (PBS: 3000 ms); tests use 0 */
  authFailDelayMs?: number;
  /** delay before a router-level 403 (PBS: 500 ms); tests use 0 */
  forbiddenDelayMs?: number;
  /** answer 401 as PBS 3.x did, "authentication failed - <reason>" (4.x: the bare text) */
  authFailureReasons?: boolean;
  /** whether /__sim/ answers (default true); the deck server also checks for loopback itself */
  allowControl?: boolean | ((request: Request) => boolean);
  /** also answer /embed-api/api2/json GETs with the demo token, as the deck server does (demo build) */
  embedApi?: boolean;
  deckConfig?: Partial<SimDeckConfig>;
  /** how /__sim/reset builds the next simulator when `sim` and `auth` were passed (speed, realNow, authSecret) */
  simOptions?: SimHostOptions;
  /** told the simulated time at which an API method's handler runs (the demo records it to replay at that time) */
  onCall?: (requestId: string, now: number) => void;
}

export function createHandlers(options: HandlerOptions): HttpHandler[];
export function createHandlers(sim: Simulator, auth: AuthModel, options?: HandlerOptions): HttpHandler[];
export function createHandlers(
  first: HandlerOptions | Simulator,
  auth?: AuthModel,
  rest: HandlerOptions = {},
): HttpHandler[] {
  const options: HandlerOptions = auth ? { ...rest, sim: first as Simulator, auth } : (first as HandlerOptions);
  const host = options.host ?? wrapSimHost(requireSim(options.sim), requireAuth(options.auth), options.simOptions);
  const ctx: HandlerContext = {
    host,
    authFailDelayMs: options.authFailDelayMs ?? 3000,
    forbiddenDelayMs: options.forbiddenDelayMs ?? 500,
    authFailureReasons: options.authFailureReasons ?? false,
    onCall: options.onCall,
  };
  const allow = options.allowControl ?? true;
  const api = [
    ...accessHandlers(ctx),
    ...userHandlers(ctx),
    ...aclHandlers(ctx),
    ...nodeHandlers(ctx),
    ...taskHandlers(ctx),
    ...datastoreHandlers(ctx),
    ...contentWriteHandlers(ctx),
    ...statusHandlers(ctx),
    ...configHandlers(ctx),
    ...adminHandlers(ctx),
    ...verifyJobHandlers(ctx),
    ...pruneHandlers(ctx),
    ...syncHandlers(ctx),
    ...restoreHandlers(ctx),
    notFound(ctx),
  ];
  return [
    ...api,
    deckConfigHandler(options.deckConfig),
    ...(allow === false ? [] : simControlHandlers(() => ctx.host, allow === true ? () => true : allow)),
    ...(options.embedApi ? [embedApiHandler(() => ctx.host, api)] : []),
    ...pveDeckHandlers(ctx, api),
  ];
}

function requireSim(sim: Simulator | undefined): Simulator {
  if (!sim) throw new Error('createHandlers needs a simulator (host or sim)');
  return sim;
}

function requireAuth(auth: AuthModel | undefined): AuthModel {
  if (!auth) throw new Error('createHandlers needs an auth model (host or auth)');
  return auth;
}

/** Unknown paths (and methods): PBS authenticates first, then answers 404 with the full path. */
function notFound(ctx: HandlerContext): HttpHandler {
  return http.all(`${API}/*`, async ({ request, cookies }) => {
    const faulted = await applyFaults(ctx, request);
    if (faulted) return faulted;
    const { sim } = ctx.host;
    try {
      await authenticate(ctx, request, cookies);
    } catch (e) {
      return errorToResponse(e, sim.now());
    }
    return textResponse(404, `Path '${new URL(request.url).pathname}' not found.`, sim.now());
  });
}
