import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { PbsTarget } from './config.ts';

// The connection to PBS is handed to node:http only after the certificate has been judged. Until
// then the HTTP request (with the user's PBSAuthCookie and CSRF token) exists only in memory, so a
// wrong certificate can never receive a byte of it. Node's own checks are not used to refuse the
// socket (rejectUnauthorized: false) because they cannot pin, and because our own refusal can say
// what the certificate was.

const CONNECT_TIMEOUT_MS = 10_000;

/** The certificate was refused; the message is shown to the browser as the 502 body. */
export class UpstreamCertificateError extends Error {}

export function certificateProblem(socket: tls.TLSSocket, target: PbsTarget): string | null {
  const cert = socket.getPeerCertificate();
  const got = cert.fingerprint256 ?? '(no certificate)';
  if (target.fingerprint) {
    if (got !== target.fingerprint) {
      return `certificate fingerprint mismatch: expected ${target.fingerprint}, got ${got}`;
    }
    // A pin replaces CA trust, as it does in Proxmox VE; with a CA as well, both must hold.
    if (!target.ca) return null;
  }
  if (socket.authorized) return null;
  return (
    `certificate of ${target.url.host} not trusted (${String(socket.authorizationError)}); ` +
    `its SHA-256 fingerprint is ${got}: set PBS_FINGERPRINT to pin it, or PBS_CA to the CA that signed it`
  );
}

/** How long a connection (TLS included) may take, and the error that says it took longer. */
export interface ConnectLimit {
  ms: number;
  error: () => Error;
}

class VerifyingAgent extends https.Agent {
  constructor(
    private readonly target: PbsTarget,
    private readonly connect: ConnectLimit | undefined,
  ) {
    // No TLS session reuse: every new connection presents and is checked on its full certificate.
    super({ keepAlive: true, maxCachedSessions: 0 });
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const socket = tls.connect({
      ...(options as tls.ConnectionOptions),
      ca: this.target.ca ?? undefined,
      rejectUnauthorized: false,
      session: undefined,
    });
    const done = (err: Error | null) => {
      clearTimeout(timer);
      socket.off('secureConnect', onSecure);
      socket.off('error', onError);
      if (err) socket.destroy();
      callback?.(err, socket);
    };
    const onSecure = () => {
      const problem = certificateProblem(socket, this.target);
      done(problem ? new UpstreamCertificateError(problem) : null);
    };
    const onError = (err: Error) => done(err);
    const timer = setTimeout(
      () => done(this.connect?.error() ?? new Error(`connect to ${this.target.url.host} timed out`)),
      this.connect?.ms ?? CONNECT_TIMEOUT_MS,
    );
    socket.once('secureConnect', onSecure);
    socket.once('error', onError);
    // Returning nothing makes the agent wait for the callback before it writes the request.
    return undefined;
  }
}

/**
 * `connect`: the caller's own connect timeout. The request is handed its socket only once the
 * certificate is judged, so a timeout on the request cannot end a handshake that hangs: this one does.
 */
export function createUpstreamAgent(target: PbsTarget, connect?: ConnectLimit): http.Agent {
  if (target.url.protocol === 'http:') return new http.Agent({ keepAlive: true });
  return new VerifyingAgent(target, connect);
}
