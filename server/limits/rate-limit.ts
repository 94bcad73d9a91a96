import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BlockList } from 'node:net';
import { clientKey } from './client-address.ts';
import { sendText } from '../send.ts';
import type { MountHandler } from '../types.ts';

// A token bucket per client for the paths that need no login (/embed-api/, badges): a burst of
// `burst` requests, refilled at `perMinute`. Buckets live in a Map in order of last use, so the
// ones at its front that have refilled completely can be dropped at no cost (a new bucket starts
// full), and the least recently used one goes when the Map is full.

export interface RateLimit {
  perMinute: number;
  burst: number;
}

/** Milliseconds on a clock that never goes back; tests hand in their own. */
export type Clock = () => number;

export interface RateLimiter {
  /** Takes one request for `client`: 0 when it may go ahead, otherwise the seconds until it may. */
  take(client: string): number;
  /** buckets held now */
  size(): number;
}

export const MAX_CLIENTS = 10_000;

export function createRateLimiter(
  limit: RateLimit,
  now: Clock = () => performance.now(),
  maxClients = MAX_CLIENTS,
): RateLimiter {
  const perMs = limit.perMinute / 60_000;
  const refilledAfterMs = limit.burst / perMs;
  const buckets = new Map<string, { tokens: number; at: number }>();

  return {
    take(client) {
      const t = now();
      for (const [key, bucket] of buckets) {
        if (buckets.size < maxClients && t - bucket.at < refilledAfterMs) break;
        buckets.delete(key);
      }
      const last = buckets.get(client);
      buckets.delete(client);
      const tokens = last ? Math.min(limit.burst, last.tokens + Math.max(0, t - last.at) * perMs) : limit.burst;
      if (tokens >= 1) {
        buckets.set(client, { tokens: tokens - 1, at: t });
        return 0;
      }
      buckets.set(client, { tokens, at: t });
      return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
    },
    size: () => buckets.size,
  };
}

/** `handler` behind the limiter: a client past its limit gets 429 with Retry-After and never reaches PBS. */
export function rateLimited(
  handler: MountHandler,
  limiter: RateLimiter,
  limit: RateLimit,
  trustProxy: BlockList | null,
): MountHandler {
  return (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const wait = limiter.take(clientKey(req, trustProxy));
    if (wait === 0) {
      handler(req, res, pathname);
      return;
    }
    res.setHeader('retry-after', String(wait));
    sendText(
      res,
      429,
      `too many requests: this deck answers ${limit.perMinute} requests a minute per client here ` +
        `(bursts of ${limit.burst}); try again in ${wait} s`,
    );
  };
}
