// The deck's /pve-api/: one layer (fetch-style Request → Response) for the deck server, its simulator mode and the
// static demo. PBS must vouch for the browser on every call; what reaches Proxmox VE passed the gate
// (pve-gate.ts) and runs as the user's own PVE login (user mode) or the deck's token for listed PBS users (token
// mode). See DESIGN.md, "The deck server".
import {
  deckJson,
  deckRefusal,
  loginRequired,
  parseForm,
  pveAnswer,
  pveErrorAnswer,
  readLimited,
} from './pve-deck-answers';
import { pveLogin, renewTicket, tfaAnswer } from './pve-deck-login';
import { createPbsAsk, pbsTicketFrom, type Fetch, type PbsTicket } from './pve-deck-pbs';
import { RENEW_AFTER_MS, SessionStore, type PveSession, type SessionKeeper } from './pve-deck-sessions';
import {
  checkPveRequest,
  checkRestoreForm,
  pbsConsent,
  PVE_PREFIX,
  tokenRestoreAllowed,
  tokenServes,
  type PveCall,
  type StorageMap,
  type TokenRules,
} from './pve-gate';

export type { Fetch } from './pve-deck-pbs';

export interface PveDeckOptions {
  mode: 'user' | 'token';
  /** Proxmox VE, addressed at `pveOrigin` (real: the pinned https upstream; simulator and demo: the simulated PVE) */
  pveFetch: Fetch;
  pveOrigin: string;
  /** PBS, addressed at `pbsOrigin`, asked about the browser's session and rights */
  pbsFetch: Fetch;
  pbsOrigin: string;
  storageMap: StorageMap;
  /** PVE_NODE: the only node restores may run on; null: any */
  node: string | null;
  /** token mode: PVE_TOKEN (`user@realm!name=secret`) and its rules */
  token: { value: string; rules: TokenRules } | null;
  keeper: SessionKeeper;
  /** require a same-site request on writes (the deck server; the demo's requests only come from its own page) */
  sameSite: boolean;
  /** ms; the deck's clock for ticket age and caches */
  now?: () => number;
}

/** `target`: the request target as the browser sent it, when the transport has it unnormalised. */
export type PveDeck = (
  request: Request,
  cookies: Readonly<Record<string, string>>,
  target?: string,
) => Promise<Response>;

const MAX_BODY = 16 * 1024;
const NO_PBS_SESSION = 'sign in to the console first: Proxmox VE calls need a PBS session';

/** A write from this console's own pages: Sec-Fetch-Site where the browser sends it, else Origin against Host. */
export function sameSiteRequest(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = request.headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === new URL(request.url).host;
  } catch {
    return false;
  }
}

export function createPveDeck(options: PveDeckOptions): PveDeck {
  const now = options.now ?? (() => Date.now());
  const pbs = createPbsAsk(options.pbsFetch, options.pbsOrigin, now);
  const pve = { fetch: options.pveFetch, origin: options.pveOrigin };
  const sessions = new SessionStore(now);
  const renewing = new WeakMap<PveSession, Promise<void>>();
  const { keeper, token } = options;

  /** the PVE session of this browser, if it belongs to the same PBS user */
  const current = (cookies: Readonly<Record<string, string>>, t: PbsTicket) => {
    const id = keeper.read(cookies);
    const s = sessions.get(id);
    if (s && s.pbsUser !== t.authId) {
      sessions.delete(id);
      return { id, session: null };
    }
    return { id, session: s };
  };

  /** writes: same-site and the console's PBS CSRF token */
  const writeChecks = async (request: Request, t: PbsTicket) => {
    if (options.sameSite && !sameSiteRequest(request)) return deckRefusal(403, 'cross-site request refused');
    const v = await pbs.csrf(t, request.headers.get('csrfpreventiontoken'));
    return v.ok ? null : deckRefusal(v.status, v.message);
  };

  async function handle(request: Request, cookies: Readonly<Record<string, string>>, raw?: string): Promise<Response> {
    const url = new URL(request.url);
    const target = raw ?? url.pathname + url.search;
    const path = target.split('?')[0] ?? '';
    const t = pbsTicketFrom(cookies);
    if (!t) return deckRefusal(401, NO_PBS_SESSION);
    const method = request.method;

    if (path === '/pve-api/deck/session') {
      if (method !== 'GET' && method !== 'HEAD') return deckRefusal(405, 'only GET here');
      const v = await pbs.session(t);
      if (!v.ok) return deckRefusal(v.status, v.message);
      if (token) {
        const served = tokenServes(token.rules, t.authId);
        return deckJson({
          mode: 'token',
          username: token.rules.tokenId,
          allowed: served.ok,
          reason: served.ok ? null : served.message,
        });
      }
      return deckJson({ mode: 'user', username: current(cookies, t).session?.pveUser ?? null });
    }
    if (path === `${PVE_PREFIX}/access/domains` || path === `${PVE_PREFIX}/access/ticket`) {
      if (token)
        return deckRefusal(404, 'this deck calls Proxmox VE with its own token (token mode): no PVE login here');
      if (path.endsWith('/domains')) {
        if (method !== 'GET') return deckRefusal(405, 'only GET here');
        const v = await pbs.session(t);
        if (!v.ok) return deckRefusal(v.status, v.message);
        const domains = new Request(`${pve.origin}/api2/json/access/domains`, {
          headers: { accept: 'application/json' },
        });
        return (await upstream(() => pve.fetch(domains))).response;
      }
      if (method === 'POST') return login(request, cookies, t);
      if (method === 'DELETE') return logout(request, cookies, t);
      return deckRefusal(405, 'only POST and DELETE here');
    }

    const call = checkPveRequest(method, target);
    if (!call.ok) return deckRefusal(call.status, call.message);
    if (call.storage && !options.storageMap.has(call.storage))
      return deckRefusal(403, `storage '${call.storage}' is not in PVE_STORAGE_MAP`);
    return call.write ? restore(request, cookies, t, call) : read(cookies, t, call, method);
  }

  async function read(cookies: Readonly<Record<string, string>>, t: PbsTicket, call: PveCall, method: string) {
    const v = await pbs.session(t);
    if (!v.ok) return deckRefusal(v.status, v.message);
    return forward(cookies, t, call, method, null);
  }

  async function restore(request: Request, cookies: Readonly<Record<string, string>>, t: PbsTicket, call: PveCall) {
    if (options.node && call.node !== options.node)
      return deckRefusal(403, `restores run on node '${options.node}' (PVE_NODE)`);
    const type = request.headers.get('content-type') ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded')) return deckRefusal(415, 'send the restore as a form');
    const body = await readLimited(request, MAX_BODY);
    if (body === null) return deckRefusal(413, 'request too large');
    const form = new URLSearchParams(body);
    const source = checkRestoreForm(form, options.storageMap);
    if ('ok' in source) return deckRefusal(source.status, source.message);
    const refused = await writeChecks(request, t);
    if (refused) return refused;
    if (token) {
      const served = tokenServes(token.rules, t.authId);
      if (!served.ok) return deckRefusal(served.status, served.message);
      const allowed = tokenRestoreAllowed(token.rules, form);
      if (!allowed.ok) return deckRefusal(allowed.status, allowed.message);
    } else if (!current(cookies, t).session?.ticket) {
      return loginRequired(null);
    }
    const granted = await pbs.privileges(t, source.aclPath);
    if (!granted.ok) return deckRefusal(granted.status, granted.message);
    const { privs } = granted;
    let owner: string | null = null;
    if (privs['Datastore.Read'] === undefined && privs['Datastore.Backup'] !== undefined) {
      const o = await pbs.owner(t, source);
      if (!o.ok) return deckRefusal(o.status, o.message);
      owner = o.owner;
    }
    const consent = pbsConsent({ authId: t.authId, source, privs, owner });
    if (!consent.ok) return deckRefusal(consent.status, consent.message);
    return forward(cookies, t, call, 'POST', body);
  }

  async function forward(
    cookies: Readonly<Record<string, string>>,
    t: PbsTicket,
    call: PveCall,
    method: string,
    body: string | null,
  ): Promise<Response> {
    const headers = new Headers({ accept: 'application/json' });
    if (body !== null) headers.set('content-type', 'application/x-www-form-urlencoded');
    const url = `${pve.origin}/api2/json${call.path}${call.query ? `?${call.query}` : ''}`;
    if (token) {
      const served = tokenServes(token.rules, t.authId);
      if (!served.ok) return deckRefusal(served.status, served.message);
      headers.set('authorization', `PVEAPIToken=${token.value}`);
      return (await upstream(() => pve.fetch(new Request(url, { method, headers, body })))).response;
    }
    const { id, session } = current(cookies, t);
    if (!session?.ticket || !session.csrf) return loginRequired(null);
    if (now() - session.issued > RENEW_AFTER_MS) {
      let pending = renewing.get(session);
      if (!pending) {
        pending = renewTicket(pve, session).then((r) => {
          if (r === 'expired') sessions.delete(id);
          else if (r !== 'kept') Object.assign(session, { ticket: r.ticket, csrf: r.csrf, issued: now() });
        });
        renewing.set(session, pending);
        void pending.finally(() => renewing.delete(session));
      }
      await pending;
      if (!sessions.get(id)) return loginRequired(null);
    }
    // PVE reads the ticket from an `Authorization: PVEAuthCookie=…` header when no cookie carries it; a page's own
    // Request (the static demo runs this layer in the page) drops a Cookie header, an Authorization header it keeps
    headers.set('authorization', `PVEAuthCookie=${encodeURIComponent(session.ticket)}`);
    if (method === 'POST') headers.set('csrfpreventiontoken', session.csrf);
    const answer = await upstream(() => pve.fetch(new Request(url, { method, headers, body })));
    if (answer.pveRefusedTicket) {
      // PVE no longer takes the ticket (expired, or its key rotated): the session is over
      sessions.delete(id);
      return loginRequired(null);
    }
    return answer.response;
  }

  /** PVE could not be asked: 504 when it took too long (the error says so, naming it), else 502. */
  function unreachable(e: unknown): Response {
    const status = (e as { status?: unknown }).status === 504 ? 504 : 502;
    return deckRefusal(status, `cannot reach Proxmox VE: ${(e as Error).message}`);
  }

  /** PVE's answer: successes passed on, errors with PVE's text in the body. */
  async function upstream(send: () => Promise<Response>): Promise<{ response: Response; pveRefusedTicket: boolean }> {
    let response: Response;
    try {
      response = await send();
    } catch (e) {
      return { response: unreachable(e), pveRefusedTicket: false };
    }
    if (response.ok) return { response: pveAnswer(response), pveRefusedTicket: false };
    return { response: await pveErrorAnswer(response), pveRefusedTicket: response.status === 401 };
  }

  async function login(request: Request, cookies: Readonly<Record<string, string>>, t: PbsTicket): Promise<Response> {
    const refused = await writeChecks(request, t);
    if (refused) return refused;
    const body = await readLimited(request, MAX_BODY);
    if (body === null) return deckRefusal(413, 'request too large');
    const form = parseForm(request.headers.get('content-type') ?? '', body);
    if (!form) return deckRefusal(415, 'send the login as a form');
    const { id, session } = current(cookies, t);
    let outcome;
    try {
      outcome = await pveLogin(pve, form, session?.tfa ?? null);
    } catch (e) {
      return unreachable(e);
    }
    if (outcome.kind === 'answer') return outcome.response;
    if (outcome.kind === 'tfa') {
      const tfa = { username: outcome.username, challenge: outcome.challenge };
      // a half-done login keeps the session id it has, so the second step finds its challenge
      if (session && id) {
        Object.assign(session, { tfa, pveUser: null, ticket: null, csrf: null, issued: now() });
        return tfaAnswer(outcome.username, outcome.offer, null);
      }
      const fresh = keeper.issue(request);
      sessions.set(fresh.id, { pbsUser: t.authId, pveUser: null, ticket: null, csrf: null, issued: now(), tfa });
      return tfaAnswer(outcome.username, outcome.offer, fresh.setCookie);
    }
    // a full login always gets a new session id
    sessions.delete(id);
    const fresh = keeper.issue(request);
    sessions.set(fresh.id, {
      pbsUser: t.authId,
      pveUser: outcome.username,
      ticket: outcome.ticket,
      csrf: outcome.csrf,
      issued: now(),
      tfa: null,
    });
    return deckJson({ username: outcome.username, cap: outcome.cap }, fresh.setCookie);
  }

  async function logout(request: Request, cookies: Readonly<Record<string, string>>, t: PbsTicket): Promise<Response> {
    const refused = await writeChecks(request, t);
    if (refused) return refused;
    sessions.delete(keeper.read(cookies));
    return deckJson(null, keeper.clear(request));
  }

  return async (request, cookies, target) => {
    try {
      return await handle(request, cookies, target);
    } catch (e) {
      return deckRefusal(500, `the deck failed: ${(e as Error).message}`);
    }
  };
}
