// Proxmox VE's ticket and CSRF token formats (pve-common PVE/Ticket.pm, pve-access-control PVE/AccessControl.pm):
//   ticket  PVE:<data, ':' escaped as %3A>:<8 HEX epoch>::<base64 signature>, valid from 300 s before to 2 h after
//           its time; a half-logged-in ticket's data is `!tfa!<challenge JSON>`, signed with the userid appended
//   CSRF    <8 HEX epoch>:<base64 HMAC-SHA256 of "<8 HEX epoch>:<userid>">, valid as long as a ticket
// PVE signs tickets with RSA; the simulator uses HMAC-SHA256. Clients only see the shapes, which are the same.
import { SHA256, equalBytes, hmac, utf8 } from '../sim/auth/sha';
import { base64NoPad, decodeBase64NoPad } from '../sim/auth/base64';
import { hex8 } from '../sim/auth/ticket';

export const PVE_TICKET_LIFETIME = 2 * 3600;
/** $auth_graceperiod: how far a ticket's time may lie in the future */
const GRACE = 300;

const padded = (bytes: Uint8Array) => {
  const s = base64NoPad(bytes);
  return s + '='.repeat((4 - (s.length % 4)) % 4);
};

const signature = (key: Uint8Array, plain: string, aad?: string) =>
  hmac(SHA256, key, utf8(aad === undefined ? plain : `${plain}:${aad}`));

export function assembleTicket(key: Uint8Array, data: string, now: number, aad?: string): string {
  const plain = `PVE:${data.replaceAll(':', '%3A')}:${hex8(now)}`;
  return `${plain}::${padded(signature(key, plain, aad))}`;
}

/** The ticket's data, or null when it is not a valid PVE ticket at `now` (PVE::Ticket::verify_rsa_ticket). */
export function verifyTicket(key: Uint8Array, ticket: string, now: number, aad?: string): string | null {
  const m = /^(PVE:\S+)::([^:\s]+)$/.exec(ticket);
  if (!m) return null;
  const sig = decodeBase64NoPad(m[2]!.replace(/=+$/, ''));
  if (!sig || !equalBytes(sig, signature(key, m[1]!, aad))) return null;
  const parts = /^PVE:(?:(\S+):)?([A-Z0-9]{8})$/.exec(m[1]!);
  if (!parts?.[1]) return null;
  const age = now - parseInt(parts[2]!, 16);
  if (!(age > -GRACE && age < PVE_TICKET_LIFETIME)) return null;
  try {
    return decodeURIComponent(parts[1]);
  } catch {
    return null;
  }
}

const csrfDigest = (key: Uint8Array, stamp: string, userid: string) =>
  base64NoPad(hmac(SHA256, key, utf8(`${stamp}:${userid}`)));

export function assembleCsrfToken(key: Uint8Array, userid: string, now: number): string {
  const stamp = hex8(now);
  return `${stamp}:${csrfDigest(key, stamp, userid)}`;
}

export function verifyCsrfToken(key: Uint8Array, userid: string, token: string, now: number): boolean {
  const m = /^([A-Z0-9]{8}):(\S+)$/.exec(token);
  if (!m) return false;
  const age = now - parseInt(m[1]!, 16);
  return csrfDigest(key, m[1]!, userid) === m[2] && age > -GRACE && age < PVE_TICKET_LIFETIME;
}
