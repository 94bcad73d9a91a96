import { BlockList, isIP } from 'node:net';

// What bounds the deck's work for a client: the timeout on calls to PBS, and the rate limit on the
// paths that need no login with the proxies trusted to say who the client is.

export interface LimitsConfig {
  /** PBS_TIMEOUT_S: seconds to the response headers and between body chunks (connect: at most 10 s) */
  pbsTimeoutS: number;
  /** RATE_LIMIT, per client on /embed-api/ and /badge/; null: off */
  rateLimit: { perMinute: number; burst: number } | null;
  /** TRUST_PROXY: peers whose last X-Forwarded-For hop names the client; null: none */
  trustProxy: BlockList | null;
}

type Get = (name: string) => string | undefined;

export const DEFAULT_TIMEOUT_S = 60;
const MAX_TIMEOUT_S = 3600;

export function parseLimitsConfig(get: Get, problems: string[]): LimitsConfig {
  if (get('PBS_TIMEOUT_S') && !get('PBS_URL')) problems.push('PBS_TIMEOUT_S is set but PBS_URL is not');
  return {
    pbsTimeoutS: parseTimeoutSeconds(get, problems, 'PBS_TIMEOUT_S'),
    rateLimit: parseRateLimit(get('RATE_LIMIT'), problems),
    trustProxy: parseTrustProxy(get('TRUST_PROXY'), problems),
  };
}

/** A timeout setting in seconds (fractions allowed), `DEFAULT_TIMEOUT_S` when unset. */
export function parseTimeoutSeconds(get: Get, problems: string[], name: string): number {
  const raw = get(name);
  if (raw === undefined) return DEFAULT_TIMEOUT_S;
  const value = /^\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  if (!(value > 0 && value <= MAX_TIMEOUT_S)) {
    problems.push(`${name}: expected seconds, a number above 0 and at most ${MAX_TIMEOUT_S} (e.g. 60), got '${raw}'`);
    return DEFAULT_TIMEOUT_S;
  }
  return value;
}

function parseRateLimit(raw: string | undefined, problems: string[]): LimitsConfig['rateLimit'] {
  if (raw === undefined) return { perMinute: 120, burst: 30 };
  if (raw.toLowerCase() === 'off') return null;
  const match = /^(\d{1,6})\s*\/\s*(\d{1,6})$/.exec(raw);
  const perMinute = Number(match?.[1]);
  const burst = Number(match?.[2]);
  if (!match || perMinute < 1 || burst < 1) {
    problems.push(
      `RATE_LIMIT: expected '<requests a minute>/<burst>' with both at least 1, such as 120/30, or 'off', got '${raw}'`,
    );
    return { perMinute: 120, burst: 30 };
  }
  return { perMinute, burst };
}

function parseTrustProxy(raw: string | undefined, problems: string[]): BlockList | null {
  if (raw === undefined) return null;
  const list = new BlockList();
  for (const entry of raw.split(',').map((e) => e.trim())) {
    if (!entry) continue;
    const slash = entry.indexOf('/');
    const address = (slash < 0 ? entry : entry.slice(0, slash)).replace(/^\[(.*)\]$/, '$1');
    const family = isIP(address);
    const bits = family === 6 ? 128 : 32;
    const prefix = slash < 0 ? bits : /^\d{1,3}$/.test(entry.slice(slash + 1)) ? Number(entry.slice(slash + 1)) : NaN;
    if (family === 0 || !(prefix >= 0 && prefix <= bits)) {
      problems.push(
        `TRUST_PROXY: '${entry}' is not an IP address or CIDR range ` +
          `(expected a comma-separated list such as 127.0.0.1, 10.0.0.0/8, ::1, fd00::/8)`,
      );
      continue;
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}
