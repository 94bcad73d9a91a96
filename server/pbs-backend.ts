import type { Backend } from './backend.ts';
import { sendJson, sendText } from './backend.ts';
import type { DeckConfig, PbsTarget } from './config.ts';
import { createPbsProxy } from './proxy.ts';

export function createPbsBackend(_config: DeckConfig, target: PbsTarget): Backend {
  const proxy = createPbsProxy(target);
  const https = target.url.protocol === 'https:';
  const deckConfig = {
    backend: 'pbs',
    demoLogins: [],
    embed: null,
    pve: null,
    pbs: {
      host: target.url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(target.url.port) || (https ? 443 : 80),
      fingerprint: target.fingerprint,
    },
  };
  return {
    kind: 'pbs',
    handle(req, res, pathname) {
      if (pathname.startsWith('/api2/')) proxy(req, res);
      else if (pathname === '/deck/config') {
        if (req.method === 'GET' || req.method === 'HEAD') sendJson(res, 200, deckConfig);
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
      return [`backend: PBS at ${target.url.origin} (${check})`];
    },
    close: () => proxy.close(),
  };
}
