import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HandlerContext } from '@/mocks/handlers/context';

// What the parts of the deck server offer each other. Types only: any part can name them without
// importing another part.

/** What answers /api2/, /deck/config and /__sim/: a real PBS behind the proxy, or the simulator. */
export interface Backend {
  readonly kind: 'pbs' | 'simulator';
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): void;
  /** Read-only access with the embed token (/embed-api/, badges); null when no token is available. */
  readonly embed: EmbedAccess | null;
  /** The embed views' in-frame login when there is no token (PBS backend without EMBED_TOKEN). */
  readonly embedSession?: EmbedSession | null;
  /** The simulator's in-process parts, for the simulated Proxmox VE behind /pve-api/ (simulator backend only). */
  readonly simulator?: SimulatorParts;
  /** Lines for the start banner. */
  describe(): string[];
  close(): void;
}

export interface SimulatorParts {
  ctx: HandlerContext;
  /** PBS, in-process: answers requests addressed at `pbsOrigin` */
  pbsFetch: (request: Request) => Promise<Response>;
  pbsOrigin: string;
}

/**
 * Reads PBS below /api2/json with the embed token, for /embed-api/ and the badges. `path` has
 * already passed the allowlist; it carries its query. Answers are small (lists, status), so they
 * are buffered: the token can then be looked for before anything goes back to a browser.
 */
export type EmbedReader = (path: string) => Promise<EmbedAnswer>;

/** How this deck reads PBS for the embed entry and the badges; null on the backend when that is off. */
export interface EmbedAccess {
  read: EmbedReader;
  /** the token's secret, so no answer can carry it out */
  secret(): string | null;
}

export interface EmbedAnswer {
  status: number;
  contentType: string;
  body: Buffer;
  /** the PBS `Date` header, when it sent one */
  date: string | null;
}

/** /embed-api/ without EMBED_TOKEN in front of a real PBS: the frame logs in itself (embed/embed-session.ts). */
export interface EmbedSession {
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): void;
  /** The browser reaches the deck over TLS, which the login needs. */
  secure(req: IncomingMessage): boolean;
  close(): void;
}

/** `spaPage`: the HTML a client-side route falls back to (the console's, or the embed entry's). */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse, pathname: string, spaPage?: string) => void;

/** Answers the requests below one path prefix; `pathname` is the decoded path the deck routed on. */
export type MountHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => void;

/** What the deck serves beside its backend; the composition root chooses them from the configuration. */
export interface Mounts {
  serveStatic: StaticHandler;
  embedApi: MountHandler;
  badges: MountHandler;
  /** /pve-api/: to PVE_URL, or to the simulated PVE on a simulator deck; null when restores are off. */
  pveMount: (((req: IncomingMessage, res: ServerResponse) => void) & { close(): void }) | null;
}
