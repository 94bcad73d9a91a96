// /__sim/: the test control surface (JSON in, JSON out). The deck server lets only loopback reach it; here
// `allowed` decides per request.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { DEMO_TOKEN_ID } from '../sim/auth/demo-users';
import { HOSTILE_FIELDS } from '../sim/hostile-corpus';
import { plantHostilePve } from '../pve/pve-hostile';
import { pveModel } from '../pve/pve-model';
import type { SimHost } from '../sim-host';
import { truthReport, type Simulator, type TruthSnapshot } from '../sim/simulator';
import { parseFaultRules } from './fault-rule';
import { faultRules } from './fault-rules';

type Body = Record<string, unknown>;
type Control = (host: SimHost, body: Body) => Record<string, unknown>;

const num = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`'${name}' must be a number`);
  return v;
};
const obj = (v: unknown, name: string): Body => {
  if (v === null || typeof v !== 'object') throw new Error(`'${name}' must be an object`);
  return v as Body;
};

const faultsInfo = (sim: Simulator) => ({ ...sim.faults, rules: faultRules(sim).list() });

const planted = new WeakSet<Simulator>();

/** The hostile corpus written where PBS and Proxmox VE keep each field, once per simulator. */
function plantHostile(sim: Simulator) {
  if (planted.has(sim)) throw new Error('the hostile corpus is planted already: reset the simulator first');
  // the cluster names its guests after the groups' comments when it starts: start it before they change
  const pve = pveModel(sim);
  const placements = [...sim.plantHostileCorpus(), ...plantHostilePve(pve)];
  planted.add(sim);
  const counts = Object.fromEntries(HOSTILE_FIELDS.map((f) => [f, placements.filter((p) => p.field === f).length]));
  return { planted: counts, total: placements.length, placements };
}

function info(host: SimHost) {
  const { sim, auth } = host;
  return {
    seed: sim.seed,
    profile: sim.profile,
    now: sim.now(),
    ticketLifetime: sim.settings.ticketLifetime,
    token: { id: DEMO_TOKEN_ID, secret: auth.tokenSecret(DEMO_TOKEN_ID) ?? null },
    faults: faultsInfo(sim),
  };
}

const controls: Record<string, Control> = {
  reset: (host, body) => {
    const profile = body.profile === 'large' || body.profile === 'demo' ? body.profile : undefined;
    host.reset({
      seed: body.seed === undefined ? undefined : num(body.seed, 'seed'),
      profile,
      startTime: body.startTime === undefined ? undefined : num(body.startTime, 'startTime'),
    });
    return info(host);
  },
  clock: (host, body) => {
    if (body.set !== undefined) host.sim.setTime(num(body.set, 'set'));
    if (body.advance !== undefined) host.sim.advance(num(body.advance, 'advance'));
    return { now: host.sim.now() };
  },
  // Every ticket and CSRF token issued so far stops working now, as if their lifetime had run out.
  'expire-tickets': (host) => {
    host.auth.expireTickets();
    return { expired: true };
  },
  'ticket-lifetime': (host, body) => {
    host.sim.settings.ticketLifetime = num(body.seconds, 'seconds');
    return { ticketLifetime: host.sim.settings.ticketLifetime };
  },
  // Rates (`latencyMs`, `errorRate`, `dropRate`, `faultSeed`), per-path rules (`rules` replaces the list, `addRules`
  // appends, `clearRules: true` empties it; the format is in fault-rule.ts) and faults of the data itself.
  faults: (host, body) => {
    const { sim } = host;
    // rules are checked before anything changes: a bad one leaves every fault as it was
    const replace = body.rules === undefined ? undefined : parseFaultRules(body.rules, 'rules');
    const append = body.addRules === undefined ? undefined : parseFaultRules(body.addRules, 'addRules');
    if (body.clearRules !== undefined && typeof body.clearRules !== 'boolean')
      throw new Error("'clearRules' must be true or false");
    for (const key of ['latencyMs', 'errorRate', 'dropRate'] as const) {
      if (body[key] !== undefined) sim.faults[key] = num(body[key], key);
    }
    // which requests the rates hit comes from a seeded stream; `faultSeed` starts it over
    if (body.faultSeed !== undefined) sim.restartFaultStream(num(body.faultSeed, 'faultSeed'));
    let corrupted: number | undefined;
    if (body.corruptChunks !== undefined) {
      const c = obj(body.corruptChunks, 'corruptChunks');
      corrupted = sim.corruptChunks(String(c.store), num(c.count, 'count'));
    }
    if (body.fullDisk !== undefined) {
      const f = obj(body.fullDisk, 'fullDisk');
      sim.setFullDisk(String(f.store), f.full !== false);
    }
    if (body.failDatastore !== undefined) {
      const f = obj(body.failDatastore, 'failDatastore');
      sim.failDatastore(String(f.store), typeof f.message === 'string' ? f.message : null);
    }
    const rules = faultRules(sim);
    if (body.clearRules === true) rules.clear();
    if (replace) rules.replace(replace);
    if (append) rules.add(...append);
    return { faults: faultsInfo(sim), ...(corrupted === undefined ? {} : { corrupted }) };
  },
  // the hostile corpus (sim/hostile-corpus.ts): counts by field, and where each payload went
  hostile: (host) => plantHostile(host.sim),
};

/**
 * GET /__sim/space-truth?store=…[&select=<JSON list of {ns, type, id, time}>]: the space figures of every snapshot,
 * group, namespace (with its children) and owner of a datastore, from the chunk model, and those of the selection
 * when one is given. For tests of the space view: never from the index files the simulator serves.
 */
function spaceTruthOf(sim: Simulator, url: URL) {
  const store = url.searchParams.get('store');
  if (!store) throw new Error("'store' is required");
  const truth = sim.spaceTruth(store);
  const out: Record<string, unknown> = { store, ...truthReport(truth) };
  const select = url.searchParams.get('select');
  if (select !== null) {
    const list = JSON.parse(select) as unknown;
    if (!Array.isArray(list)) throw new Error("'select' must be a JSON list of {ns, type, id, time}");
    const key = (s: { ns?: unknown; type?: unknown; id?: unknown; time?: unknown }) =>
      `${String(s.ns ?? '')}|${String(s.type)}/${String(s.id)}/${String(s.time)}`;
    const keys = new Set(list.map((s) => key(obj(s, 'select item'))));
    out.selection = truth.set((s: TruthSnapshot) => keys.has(key(s)));
  }
  return out;
}

export function simControlHandlers(getHost: () => SimHost, allowed: (request: Request) => boolean): HttpHandler[] {
  const refuse = () => new HttpResponse('not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  const fail = (e: unknown) =>
    new HttpResponse(e instanceof Error ? e.message : String(e), {
      status: 400,
      headers: { 'Content-Type': 'text/plain' },
    });
  return [
    http.get('/__sim/clock', ({ request }) =>
      allowed(request) ? HttpResponse.json({ now: getHost().sim.now() }) : refuse(),
    ),
    http.get('/__sim/info', ({ request }) => (allowed(request) ? HttpResponse.json(info(getHost())) : refuse())),
    http.get('/__sim/space-truth', ({ request }) => {
      if (!allowed(request)) return refuse();
      try {
        return HttpResponse.json(spaceTruthOf(getHost().sim, new URL(request.url)) as never);
      } catch (e) {
        return fail(e);
      }
    }),
    http.post('/__sim/:action', async ({ request, params }) => {
      const control = controls[String(params.action)];
      if (!allowed(request) || !control) return refuse();
      try {
        const text = await request.text();
        const body = text ? obj(JSON.parse(text), 'body') : {};
        return HttpResponse.json(control(getHost(), body) as never);
      } catch (e) {
        return fail(e);
      }
    }),
  ];
}
