// PBS ticket and CSRF token formats (proxmox-auth-api ticket.rs, access.rs):
//   ticket  PBS:<data>:<8 HEX epoch>::<base64-no-pad signature>, data percent-encoded (controls, ':' and non-ASCII)
//   partial PBS:!tfa!<challenge JSON>:<8 HEX epoch>::<sig>, signed with the userid appended as extra data
//   CSRF    <8 HEX epoch>:<base64-no-pad HMAC of "<8 HEX epoch>:<userid>:">
// PBS signs tickets with a key pair and CSRF tokens with HMAC-SHA3-256; the simulator uses HMAC-SHA256 for both.
// Clients only see the shapes, which are the same.
import { base64NoPad, decodeBase64NoPad } from './base64';
import { SHA256, equalBytes, hmac, utf8 } from './sha';

export const TICKET_PREFIX = 'PBS';

export const hex8 = (epoch: number): string => (epoch >>> 0).toString(16).toUpperCase().padStart(8, '0');

/** PBS's percent-encoding for ticket fields: control characters, ':' and every non-ASCII byte. */
export function encodeTicketField(s: string): string {
  let out = '';
  for (const byte of utf8(s)) {
    if (byte < 0x20 || byte === 0x7f || byte === 0x3a || byte >= 0x80) {
      out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    } else out += String.fromCharCode(byte);
  }
  return out;
}

function decodeTicketField(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function ticketData(data: string, time: number): string {
  return `${TICKET_PREFIX}:${encodeTicketField(data)}:${hex8(time)}`;
}

function sign(key: Uint8Array, data: string, aad?: string): string {
  const msg = aad === undefined ? data : `${data}:${aad}`;
  return base64NoPad(hmac(SHA256, key, utf8(msg)));
}

export function signTicket(key: Uint8Array, data: string, time: number, aad?: string): string {
  const head = ticketData(data, time);
  return `${head}::${sign(key, head, aad)}`;
}

export interface ParsedTicket {
  prefix: string;
  data: string;
  time: number;
  signature: Uint8Array;
}

export class TicketError extends Error {}

/** Splits a ticket like PBS does (at most four ':'-separated parts, the fourth starting with ':'). */
export function parseTicket(ticket: string): ParsedTicket {
  const parts = ticket.split(':');
  if (parts.length < 4) throw new TicketError('ticket without signature');
  const [rawPrefix, rawData, rawTime] = parts as [string, string, string];
  const remainder = parts.slice(3).join(':');
  const prefix = decodeTicketField(rawPrefix);
  const data = decodeTicketField(rawData);
  if (prefix === null || data === null) throw new TicketError('invalid ticket, error decoding data');
  if (!/^[0-9A-Fa-f]{1,16}$/.test(rawTime)) throw new TicketError('ticket with bad timestamp');
  if (!remainder.startsWith(':')) throw new TicketError('ticket without signature separator');
  const signature = decodeBase64NoPad(remainder.slice(1));
  if (!signature) throw new TicketError('ticket with bad signature');
  return { prefix, data, time: parseInt(rawTime, 16), signature };
}

/** Checks prefix, age window (seconds, relative to `now`) and signature; returns the ticket's data. */
export function verifyTicket(
  key: Uint8Array,
  ticket: string,
  now: number,
  window: [number, number],
  aad?: string,
): string {
  const t = parseTicket(ticket);
  if (t.prefix !== TICKET_PREFIX) throw new TicketError('ticket with invalid prefix');
  const age = now - t.time;
  if (age < window[0]) throw new TicketError('invalid ticket - timestamp newer than expected');
  if (age > window[1]) throw new TicketError('invalid ticket - expired');
  const head = `${encodeTicketField(t.prefix)}:${encodeTicketField(t.data)}:${hex8(t.time)}`;
  const expected = decodeBase64NoPad(sign(key, head, aad))!;
  if (!equalBytes(expected, t.signature)) throw new TicketError('ticket with invalid signature');
  return t.data;
}

const csrfData = (time: number, userid: string) => `${hex8(time)}:${userid}:`;

export function makeCsrfToken(key: Uint8Array, userid: string, now: number): string {
  return `${hex8(now)}:${base64NoPad(hmac(SHA256, key, utf8(csrfData(now, userid))))}`;
}

export function verifyCsrfToken(key: Uint8Array, userid: string, token: string, now: number, maxAge: number): void {
  const fail = (msg: string): never => {
    throw new TicketError(`invalid csrf token - ${msg}`);
  };
  const idx = token.indexOf(':');
  if (idx < 0 || token.indexOf(':', idx + 1) >= 0) fail('format error - wrong number of parts.');
  const ts = token.slice(0, idx);
  const sig = decodeBase64NoPad(token.slice(idx + 1));
  if (!sig) return fail('could not base64 decode csrf signature');
  if (!/^[0-9A-Fa-f]{1,16}$/.test(ts)) fail('timestamp format error');
  const time = parseInt(ts, 16);
  if (!equalBytes(hmac(SHA256, key, utf8(csrfData(time, userid))), sig)) fail('invalid signature.');
  const age = now - time;
  if (age < -300) fail('timestamp newer than expected.');
  if (age > maxAge) fail('timestamp too old.');
}
