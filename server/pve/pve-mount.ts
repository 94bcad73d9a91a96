// /pve-api/ on the deck server: node:http onto the transport-neutral layer (src/lib/pve-deck.ts). In front of a
// real Proxmox VE it calls PVE_URL over a connection pinned to PVE_FINGERPRINT and asks the PBS behind PBS_URL
// about the browser's session; on a simulator deck (pve-sim-mount.ts) both are in-process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createPveDeck, type PveDeck } from '@/lib/pve-deck';
import { cookieKeeper } from '@/lib/pve-deck-sessions';
import type { PbsTarget } from '../config.ts';
import type { PveConfig } from '../config-extra.ts';
import { sendWebResponse, toWebRequest } from '../simulator/web-bridge.ts';
import { createUpstreamFetch } from './upstream-fetch.ts';
import { upstreamTimeouts, type UpstreamTimeouts } from '../limits/upstream-timeouts.ts';
import { DEFAULT_TIMEOUT_S } from '../config-limits.ts';

export type PveMount = ((req: IncomingMessage, res: ServerResponse) => void) & { close(): void };

/** The browser's cookies by name (first one wins, as browsers send the most specific path first). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

/** Serves one deck layer over node:http; `close` releases its upstream connections. */
export function mountPveDeck(deck: PveDeck, tls: boolean, close: () => void): PveMount {
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const request = toWebRequest(req, `${tls ? 'https' : 'http'}://${safeHost(req.headers.host)}`);
    deck(request, parseCookies(req.headers.cookie), req.url ?? '/')
      .then((response) => sendWebResponse(res, response, req.method === 'HEAD'))
      .catch((e: unknown) => {
        console.error('pve mount failed:', e);
        if (res.headersSent) res.destroy();
        else res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('internal error');
      });
  };
  return Object.assign(handler, { close });
}

/** Over TLS: the deck's own, or a TLS proxy's in front of it (X-Forwarded-Proto: https). */
export function secureRequest(request: Request, tls: boolean): boolean {
  if (tls) return true;
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}

function safeHost(host: string | undefined): string {
  return host && /^[A-Za-z0-9.\-[\]:]+$/.test(host) ? host : 'localhost';
}

/** The deck in front of a real PVE and a real PBS. */
export function createPveMount(
  pve: PveConfig,
  pbs: PbsTarget,
  tls: boolean,
  pbsTimeouts: UpstreamTimeouts = upstreamTimeouts(DEFAULT_TIMEOUT_S),
): PveMount {
  const pveUp = createUpstreamFetch(
    { url: pve.url, fingerprint: pve.fingerprint, ca: null },
    'Proxmox VE',
    upstreamTimeouts(pve.timeoutMs / 1000),
  );
  // the session and permission checks wait on PBS as long as any other call to it (PBS_TIMEOUT_S)
  const pbsUp = createUpstreamFetch(pbs, 'PBS', pbsTimeouts);
  const deck = createPveDeck({
    mode: pve.mode,
    pveFetch: pveUp.fetch,
    pveOrigin: pveUp.origin,
    pbsFetch: pbsUp.fetch,
    pbsOrigin: pbsUp.origin,
    storageMap: pve.storageMap,
    node: pve.node,
    token: pve.token,
    keeper: cookieKeeper((request) => secureRequest(request, tls)),
    sameSite: true,
  });
  return mountPveDeck(deck, tls, () => {
    pveUp.close();
    pbsUp.close();
  });
}
