import type { DeckConfig, PbsTarget } from '../config.ts';
import { createPbsEmbedReader } from '../embed/embed-reader.ts';
import { createEmbedSession } from '../embed/embed-session.ts';
import { tokenSecret } from '../embed-token.ts';
import { messageOrigins } from '../frame-origins.ts';
import { upstreamTimeouts } from '../limits/upstream-timeouts.ts';
import { createPbsProxy } from './proxy.ts';
import { sendJson, sendText } from '../send.ts';
import type { Backend } from '../types.ts';

export function createPbsBackend(config: DeckConfig, target: PbsTarget): Backend {
  const timeouts = upstreamTimeouts(config.limits.pbsTimeoutS);
  const proxy = createPbsProxy(target, timeouts);
  const token = config.embed.token;
  const reader = token ? createPbsEmbedReader(target, token, timeouts) : null;
  // Without EMBED_TOKEN the embed views ask for a login in the frame (badges stay off: no browser session).
  const session = token ? null : createEmbedSession(target, config.tls !== null, timeouts);
  const origins = messageOrigins(config.embed.frameAncestors);
  const https = target.url.protocol === 'https:';
  const deckConfig = {
    backend: 'pbs',
    demoLogins: [],
    embed: token
      ? { enabled: true, auth: 'token', tokenId: token.slice(0, token.indexOf(':')), messageOrigins: origins }
      : { enabled: true, auth: 'login', secure: false, messageOrigins: origins },
    pve: config.pve
      ? {
          mode: config.pve.mode,
          node: config.pve.node,
          storages: [...config.pve.storageMap].map(([storage, t]) => ({ storage, store: t.store, ns: t.ns ?? '' })),
        }
      : null,
    pbs: {
      host: target.url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(target.url.port) || (https ? 443 : 80),
      fingerprint: target.fingerprint,
    },
  };
  return {
    kind: 'pbs',
    embed: reader ? { read: reader, secret: () => tokenSecret(token) } : null,
    embedSession: session,
    handle(req, res, pathname) {
      if (pathname.startsWith('/api2/')) proxy(req, res);
      else if (pathname === '/deck/config') {
        // In login mode, whether this request came over TLS (the login needs it) is told per request.
        if (req.method === 'GET' || req.method === 'HEAD')
          sendJson(
            res,
            200,
            session ? { ...deckConfig, embed: { ...deckConfig.embed, secure: session.secure(req) } } : deckConfig,
          );
        else sendText(res, 405, 'method not allowed');
      } else sendText(res, 404, 'not found');
    },
    describe() {
      const check = target.fingerprint
        ? `certificate pinned to ${target.fingerprint}`
        : target.ca
          ? 'certificate checked against PBS_CA'
          : https
            ? 'certificate checked against the system CA store'
            : 'plain http (loopback)';
      return [
        `backend: PBS at ${target.url.origin} (${check}; answers within ${config.limits.pbsTimeoutS} s)`,
        token
          ? `embed views and badges: read with ${token.slice(0, token.indexOf(':'))}`
          : `embed views: in-frame login (no EMBED_TOKEN; needs HTTPS${config.tls ? '' : ' via a TLS proxy sending X-Forwarded-Proto'}); badges: off`,
      ];
    },
    close: () => {
      proxy.close();
      reader?.close();
      session?.close();
    },
  };
}
