import type { IncomingMessage } from 'node:http';
import { getResponse } from 'msw';
import { createHandlers } from '@/mocks/handlers/handlers';
import { DEMO_PASSWORD, DEMO_TOKEN_ID, DEMO_TOTP_SECRET } from '@/mocks/sim/auth/demo-users';
import { simPveDeckConfig } from '@/mocks/pve/pve-deck-config';
import { createSimHost } from '@/mocks/sim-host';
import type { DeckConfig } from '../config.ts';
import { tokenSecret } from '../embed-token.ts';
import { messageOrigins } from '../frame-origins.ts';
import { isLoopbackAddress, isLoopbackHost } from '../loopback.ts';
import { sendText } from '../send.ts';
import type { Backend } from '../types.ts';
import { answerFromResponse, sendWebResponse, throwIfDropped, toWebRequest } from './web-bridge.ts';

// The built-in PBS: the same msw handlers the demo build and the unit tests use, answered through
// getResponse, which only runs handlers (no process-wide cookie store shared between browsers).

export function createSimulatorBackend(config: DeckConfig): Backend {
  // Ticket keys derive from the seed, so a login survives a restart of the same demo (and is valid on
  // the deck servers of parallel browser-test workers that share one saved login).
  const host = createSimHost({
    profile: config.sim.profile,
    seed: config.sim.seed,
    speed: config.sim.speed,
    startTime: config.sim.start,
  });
  // PBS's own delays before 401 (3 s) and 403 (0.5 s) stay on: the UI must cope with them.
  const tokenId = config.embed.token ? config.embed.token.slice(0, config.embed.token.indexOf(':')) : DEMO_TOKEN_ID;
  const embedConfig = { enabled: true, tokenId, messageOrigins: messageOrigins(config.embed.frameAncestors) };
  const pve = config.pveSim ? { ...simPveDeckConfig(), mode: config.pveSim.mode } : null;
  const handlers = createHandlers({ host, allowControl: true, deckConfig: { embed: embedConfig, pve } });
  const scheme = config.tls ? 'https' : 'http';
  // EMBED_TOKEN when set; otherwise the simulator's read-only token, read afresh (a reset renews it).
  const embedToken = () => config.embed.token ?? `${DEMO_TOKEN_ID}:${host.auth.tokenSecret(DEMO_TOKEN_ID) ?? ''}`;
  const embedBase = 'http://deck.internal';

  const pbsFetch = async (request: Request) =>
    throwIfDropped(
      (await getResponse(handlers, request, { baseUrl: embedBase })) ??
        new Response('not found', { status: 404, statusText: 'Not Found' }),
    );

  return {
    kind: 'simulator',
    simulator: {
      ctx: { host, authFailDelayMs: 3000, forbiddenDelayMs: 500, authFailureReasons: false },
      pbsFetch,
      pbsOrigin: embedBase,
    },
    embed: {
      read: async (path) => {
        const request = new Request(`${embedBase}/api2/json${path}`, {
          headers: { accept: 'application/json', authorization: `PBSAPIToken=${embedToken()}` },
        });
        const response = await getResponse(handlers, request, { baseUrl: embedBase });
        if (!response) return { status: 404, contentType: 'text/plain', body: Buffer.from('not found'), date: null };
        return answerFromResponse(throwIfDropped(response));
      },
      secret: () => tokenSecret(embedToken()),
    },
    handle(req, res, pathname) {
      // The control surface changes the clock, faults and users: only for the machine itself. The Host
      // check keeps a web page that rebinds its own name to 127.0.0.1 from reaching it.
      if (pathname.startsWith('/__sim/') && !fromLoopback(req)) {
        sendText(res, 404, 'not found');
        return;
      }
      const origin = requestOrigin(req, scheme);
      const request = toWebRequest(req, origin);
      getResponse(handlers, request, { baseUrl: origin })
        .then((response) => {
          if (!response) sendText(res, 404, `Path '${pathname}' not found.`);
          // a dropped connection (fault injection) ends the socket without an answer
          else if (response.type === 'error') res.destroy();
          else sendWebResponse(res, response, req.method === 'HEAD');
        })
        .catch((e: unknown) => {
          console.error('simulator failed:', e);
          if (res.headersSent) res.destroy();
          else sendText(res, 500, 'internal simulator error');
        });
    },
    describe() {
      const { sim, auth } = host;
      const exposed = isLoopbackHost(config.host)
        ? []
        : [`note: HOST=${config.host} lets other machines log in to the simulator with the public demo passwords`];
      return [
        `backend: built-in PBS simulator (profile ${sim.profile}, seed ${sim.seed}, speed ${config.sim.speed}×)`,
        `demo logins: root@pam / ${DEMO_PASSWORD} (Admin), audit@pbs / ${DEMO_PASSWORD} (Audit),` +
          ` totp@pbs / ${DEMO_PASSWORD} (TOTP secret ${DEMO_TOTP_SECRET})`,
        `read-only API token: ${DEMO_TOKEN_ID}:${auth.tokenSecret(DEMO_TOKEN_ID) ?? '(none)'}`,
        ...exposed,
      ];
    },
    close() {},
  };
}

function fromLoopback(req: IncomingMessage): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  return isLoopbackAddress(req.socket.remoteAddress) && isLoopbackHost(host);
}

/** The origin the browser used, so msw's relative handler paths match (libraries.md §1, gotcha 1). */
function requestOrigin(req: IncomingMessage, scheme: string): string {
  const host = req.headers.host;
  if (host && /^[A-Za-z0-9.\-[\]:]+$/.test(host)) {
    try {
      return new URL(`${scheme}://${host}`).origin;
    } catch {
      // fall through to a fixed origin
    }
  }
  return `${scheme}://localhost`;
}
