import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeckConfig } from './config.ts';
import type { EmbedAccess } from './embed-reader.ts';
import type { EmbedSession } from './embed-session.ts';
import { createPbsBackend } from './pbs-backend.ts';

/** What answers /api2/, /deck/config and /__sim/: a real PBS behind the proxy, or the simulator. */
export interface Backend {
  readonly kind: 'pbs' | 'simulator';
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): void;
  /** Read-only access with the embed token (/embed-api/, badges); null when no token is available. */
  readonly embed: EmbedAccess | null;
  /** The embed views' in-frame login when there is no token (PBS backend without EMBED_TOKEN). */
  readonly embedSession?: EmbedSession | null;
  /** Lines for the start banner. */
  describe(): string[];
  close(): void;
}

export async function createBackend(config: DeckConfig): Promise<Backend> {
  if (config.pbs) return createPbsBackend(config, config.pbs);
  // Loaded only when needed, so a deck in front of a real PBS never loads msw or the model.
  const { createSimulatorBackend } = await import('./simulator-host.ts');
  return createSimulatorBackend(config);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'text/plain; charset=utf-8', text);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

export type { IncomingMessage, ServerResponse };
