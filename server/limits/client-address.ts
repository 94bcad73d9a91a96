import type { IncomingMessage } from 'node:http';
import { isIP, type BlockList } from 'node:net';

// Who a request comes from, for the rate limit: the socket's peer, or, when that peer is a proxy
// listed in TRUST_PROXY, the last X-Forwarded-For hop (the address that proxy saw; anything
// before it the client may have written itself). An IPv6 client counts by its /64, since one
// host usually holds a whole /64.

export function clientKey(req: IncomingMessage, trustProxy: BlockList | null): string {
  const peer = plainAddress(req.socket.remoteAddress ?? '');
  let client = peer;
  if (trustProxy && peer && trustProxy.check(peer, isIP(peer) === 6 ? 'ipv6' : 'ipv4')) {
    client = lastForwardedHop(req.headers['x-forwarded-for']) ?? peer;
  }
  return isIP(client) === 6 ? ipv6Prefix64(client) : client;
}

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) is 1.2.3.4. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** The last hop of X-Forwarded-For as an address (a port or brackets some proxies add are dropped), or null. */
export function lastForwardedHop(header: string | string[] | undefined): string | null {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  const hop = joined.split(',').at(-1)?.trim() ?? '';
  const candidates = [hop, /^\[([^\]]+)\](?::\d+)?$/.exec(hop)?.[1], /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop)?.[1]];
  const address = candidates.find((c) => c !== undefined && isIP(c) !== 0);
  return address ? plainAddress(address) : null;
}

/** The first four groups of an IPv6 address, written out: `2001:db8:0:1::/64`. */
export function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.toLowerCase().split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  // An embedded IPv4 tail (::1.2.3.4) fills two groups; it only ever sits in the last 64 bits.
  const rightCount = right.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const all = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - rightCount).fill('0'), ...right];
  return `${all
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
