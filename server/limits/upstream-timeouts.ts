import type { ClientRequest } from 'node:http';

// Timers on one call to an upstream server (PBS, Proxmox VE): time to connect, time to the response
// headers, and time between two chunks of the body. There is no cap on the whole: a download may
// stream for minutes as long as it keeps moving.

export interface UpstreamTimeouts {
  /** until the connection (TLS included, through the pinned agent) is up */
  connectMs: number;
  /** from the request sent to the response headers */
  headersMs: number;
  /** between two chunks of the response body */
  idleMs: number;
}

const CONNECT_CAP_S = 10;

/** The deck's timeouts from one setting (PBS_TIMEOUT_S): 10 s to connect, or less when the setting is smaller. */
export function upstreamTimeouts(seconds: number): UpstreamTimeouts {
  const ms = Math.round(seconds * 1000);
  return { connectMs: Math.min(CONNECT_CAP_S * 1000, ms), headersMs: ms, idleMs: ms };
}

/** The upstream server took too long; `message` names it and is meant for the user as it is. */
export class UpstreamTimeoutError extends Error {
  readonly status = 504;
  constructor(
    message: string,
    readonly phase: 'connect' | 'headers' | 'idle',
  ) {
    super(message);
    this.name = 'UpstreamTimeoutError';
  }
}

export interface UpstreamWatch {
  /** how messages name the server: `PBS at pbs.example:8007` */
  server: string;
  timeouts: UpstreamTimeouts;
  /**
   * True while whoever the answer is passed on to cannot take more. The upstream stream is then
   * paused by back-pressure, and its silence is not the server's.
   */
  downstreamBusy?: () => boolean;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

/** What a connection that took too long is reported as; also handed to the pinned agent (pin.ts). */
export function connectTimeoutError(server: string, timeouts: UpstreamTimeouts): UpstreamTimeoutError {
  return new UpstreamTimeoutError(
    `${server} did not accept a connection within ${seconds(timeouts.connectMs)}`,
    'connect',
  );
}

/**
 * Opens a request with `open` and watches it. A timeout destroys the request (before the headers)
 * or the response (after) with an UpstreamTimeoutError, which reaches the caller's 'error' handler.
 */
export function startUpstream(open: () => ClientRequest, watch: UpstreamWatch): ClientRequest {
  const { server, timeouts, downstreamBusy } = watch;
  let request: ClientRequest | null = null;
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms: number, fire: () => void) => {
    clearTimeout(timer);
    timer = setTimeout(fire, ms);
  };
  const stop = () => clearTimeout(timer);

  // A request whose agent has not handed it a socket yet reports this only once the agent gives
  // up: the pinned agent (pin.ts) does so after the same time, with the same error.
  arm(timeouts.connectMs, () => request?.destroy(connectTimeoutError(server, timeouts)));
  try {
    request = open();
  } catch (e) {
    stop();
    throw e;
  }
  const req = request;

  let connected = false;
  let sent = false;
  let answered = false;
  const awaitHeaders = () => {
    if (!connected || !sent || answered) return;
    arm(timeouts.headersMs, () =>
      req.destroy(
        new UpstreamTimeoutError(`${server} did not answer within ${seconds(timeouts.headersMs)}`, 'headers'),
      ),
    );
  };
  req.on('socket', (socket) => {
    const up = () => {
      connected = true;
      awaitHeaders();
    };
    if (socket.connecting) socket.once('connect', up);
    else up();
  });
  // The headers clock starts once the whole request is out (a slow upload is not PBS's delay).
  req.on('finish', () => {
    sent = true;
    awaitHeaders();
  });
  req.on('response', (res) => {
    answered = true;
    const quiet = () => {
      if (downstreamBusy?.()) {
        arm(timeouts.idleMs, quiet);
        return;
      }
      res.destroy(
        new UpstreamTimeoutError(
          `${server} stopped sending its answer: nothing came for ${seconds(timeouts.idleMs)}`,
          'idle',
        ),
      );
    };
    arm(timeouts.idleMs, quiet);
    // Registered in the same tick as the caller's own reader, so no chunk goes past both.
    res.on('data', () => timer?.refresh());
    res.on('end', stop);
    res.on('close', stop);
  });
  req.on('error', stop);
  req.on('close', () => {
    if (!answered) stop();
  });
  return req;
}

/** The HTTP status a failed upstream call is answered with: 504 for a timeout, else 502. */
export function upstreamFailureStatus(err: unknown): number {
  return err instanceof UpstreamTimeoutError ? 504 : 502;
}
