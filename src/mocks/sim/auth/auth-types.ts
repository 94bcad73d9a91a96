// Shapes and errors of the auth model.
import type { TfaChallenge } from './tfa';

export interface AuthModelOptions {
  /** derives the signing keys and the demo token secret; default 0 */
  seed?: number;
  /** overrides the seed-derived signing key (any string) */
  secret?: string;
  /** real clock in ms; default Date.now */
  realNow?: () => number;
  /** read live; default 7200 s */
  settings?: { ticketLifetime: number };
  /** start without the demo users, tokens and ACL */
  empty?: boolean;
}

export interface TicketResponse {
  username: string;
  ticket: string;
  CSRFPreventionToken: string;
}

/** A refused login or request; `reason` is what PBS would write to its log, never to the client. */
export class AuthFailure extends Error {}

export interface Credentials {
  method: string;
  /** PBSAuthCookie (or __Host-PBSAuthCookie) value, already percent-decoded */
  ticket?: string;
  csrfToken?: string | null;
  authorization?: string | null;
}

export const REALMS = [
  { realm: 'pam', type: 'pam', comment: 'Linux PAM standard authentication', default: true },
  { realm: 'pbs', type: 'pbs', comment: 'Proxmox Backup authentication server' },
] as const;

export function isChallenge(json: string): boolean {
  try {
    const c = JSON.parse(json) as TfaChallenge | null;
    return typeof c === 'object' && c !== null;
  } catch {
    return false;
  }
}
