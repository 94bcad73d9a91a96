// The simulator's access control: users in the pam/pbs realms, API tokens, the ACL, tickets, CSRF tokens and second
// factors, following proxmox-auth-api and PBS's CachedUserInfo. Tickets, CSRF tokens and TOTP run on REAL time
// (`realNow`), not the simulator clock, so jumping the clock logs nobody out; the ticket lifetime is read live from
// the simulator's settings.
import { AclTree, isToken, lookupPrivDetails, userOf, type AclEntry, type PrivDetails } from './acl';
import { demoAcl, demoTokens, demoUsers, uuidShaped, type TokenRecord, type UserRecord } from './demo-users';
import { anyPrivsBelow, listPermissions } from './permissions';
import { splitAclPath } from './privileges';
import { SHA256, hmac, toHex, utf8 } from './sha';
import { UserTfa } from './tfa';
import {
  AuthFailure,
  isChallenge,
  REALMS,
  type AuthModelOptions,
  type Credentials,
  type TicketResponse,
} from './auth-types';
import {
  TICKET_PREFIX,
  TicketError,
  makeCsrfToken,
  parseTicket,
  signTicket,
  verifyCsrfToken,
  verifyTicket,
} from './ticket';

export { AuthFailure, REALMS };
export type { AuthModelOptions, Credentials, TicketResponse };

const PARTIAL_WINDOW: [number, number] = [-60, 600];

export class AuthModel {
  readonly users = new Map<string, UserRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly acl = new AclTree();
  private readonly tfa = new Map<string, UserTfa>();
  private readonly ticketKey: Uint8Array;
  private readonly csrfKey: Uint8Array;
  private readonly tokenKey: Uint8Array;
  /** token secrets handed out so far: the next one depends on it, so a replay of the same calls gets the same ones */
  private secretsIssued = 0;
  private readonly realNow: () => number;
  private readonly settings: { ticketLifetime: number };
  /** tickets and CSRF tokens stamped at or before this second count as expired (the expire-tickets control) */
  private expiredUpTo = -Infinity;
  readonly seed: number;

  constructor(opts: AuthModelOptions = {}) {
    this.seed = opts.seed ?? 0;
    const base = utf8(opts.secret ?? `pbs-deck-sim-auth:${this.seed}`);
    this.ticketKey = hmac(SHA256, base, utf8('ticket'));
    this.csrfKey = hmac(SHA256, base, utf8('csrf'));
    this.tokenKey = hmac(SHA256, base, utf8('token'));
    this.realNow = opts.realNow ?? Date.now;
    this.settings = opts.settings ?? { ticketLifetime: 7200 };
    if (!opts.empty) {
      demoUsers().forEach((u) => this.addUser(u));
      demoTokens(this.seed).forEach((t) => this.addToken(t));
      demoAcl().forEach((e) => this.addAcl(e));
    }
  }

  get ticketLifetime(): number {
    return this.settings.ticketLifetime;
  }

  /** real time, epoch seconds */
  now(): number {
    return Math.floor(this.realNow() / 1000);
  }

  /**
   * Ends every session now, as if the lifetime of each ticket and CSRF token issued so far had run out. Tickets
   * issued from here on are stamped after the cutoff, also within the same second.
   */
  expireTickets(): void {
    this.expiredUpTo = Math.max(this.expiredUpTo, this.stampTime());
  }

  /** the time a new ticket carries: now, or just after the last expiry cutoff */
  private stampTime(): number {
    return Math.max(this.now(), this.expiredUpTo + 1);
  }

  /** verifyTicket, plus the expiry cutoff */
  private checkTicket(ticket: string, window: [number, number], aad?: string): string {
    const data = verifyTicket(this.ticketKey, ticket, this.now(), window, aad);
    if (parseTicket(ticket).time <= this.expiredUpTo) throw new TicketError('invalid ticket - expired');
    return data;
  }

  addUser(user: UserRecord): void {
    this.users.set(user.userid, user);
    if (user.totpSecret || user.recoveryKeys?.length) {
      this.tfa.set(user.userid, new UserTfa(user.totpSecret, user.recoveryKeys));
    }
  }

  addToken(token: TokenRecord): void {
    this.tokens.set(token.tokenid, token);
  }

  addAcl(entry: AclEntry): void {
    this.acl.add(entry);
  }

  /** A fresh secret for a new API token. */
  newTokenSecret(tokenid: string): string {
    this.secretsIssued++;
    return uuidShaped(toHex(hmac(SHA256, this.tokenKey, utf8(`${this.secretsIssued}:${tokenid}`))));
  }

  /** Forgets a user's second factors (the user is deleted). */
  removeTfa(userid: string): void {
    this.tfa.delete(userid);
  }

  tokenSecret(tokenid: string): string | undefined {
    return this.tokens.get(tokenid)?.secret;
  }

  isActive(authid: string): boolean {
    const now = this.now();
    const live = (r: { enable?: boolean; expire?: number } | undefined) =>
      !!r && r.enable !== false && (!r.expire || r.expire > now);
    if (!live(this.users.get(userOf(authid)))) return false;
    return !isToken(authid) || live(this.tokens.get(authid));
  }

  /** POST /access/ticket: password, ticket renewal, or the second step of a TFA login. */
  login(username: string, password: string | undefined, tfaChallenge?: string): TicketResponse {
    if (password === undefined) throw new AuthFailure('no password provided');
    if (!this.isActive(username)) throw new AuthFailure('user account disabled or expired.');
    if (tfaChallenge !== undefined) {
      this.verifySecondFactor(username, tfaChallenge, password);
      return this.fullTicket(username);
    }
    if (password.startsWith(`${TICKET_PREFIX}:`)) {
      let ticketUser: string | null = null;
      try {
        ticketUser = this.checkTicket(password, [-300, this.ticketLifetime]);
      } catch {
        // not a valid ticket: PBS goes on and tries it as a password
      }
      if (ticketUser === username) return this.fullTicket(username);
      if (ticketUser !== null) throw new AuthFailure('ticket login failed - wrong userid');
    }
    const realm = username.slice(username.lastIndexOf('@') + 1);
    if (!REALMS.some((r) => r.realm === realm)) throw new AuthFailure(`unknown realm "${realm}"`);
    const user = this.users.get(username);
    if (!user || user.password === undefined || user.password !== password) {
      throw new AuthFailure('authentication failure');
    }
    const challenge = this.tfa.get(username)?.challenge();
    if (!challenge) return this.fullTicket(username);
    return {
      username,
      ticket: signTicket(this.ticketKey, `!tfa!${JSON.stringify(challenge)}`, this.stampTime(), username),
      CSRFPreventionToken: 'invalid',
    };
  }

  private verifySecondFactor(username: string, partial: string, response: string): void {
    let data: string;
    try {
      data = this.checkTicket(partial, PARTIAL_WINDOW, username);
    } catch (e) {
      throw new AuthFailure((e as Error).message);
    }
    if (!data.startsWith('!tfa!') || !isChallenge(data.slice(5))) throw new AuthFailure('invalid tfa challenge');
    const tfa = this.tfa.get(username);
    if (!tfa) throw new AuthFailure('authentication failed');
    try {
      tfa.verify(response, this.now());
    } catch (e) {
      throw new AuthFailure((e as Error).message);
    }
  }

  /** A full ticket and CSRF token for an existing user, without a password (tests, the demo's state replay). */
  issueTicket(userid: string): TicketResponse {
    if (!this.users.has(userid)) throw new AuthFailure(`no such user '${userid}'`);
    return this.fullTicket(userid);
  }

  private fullTicket(username: string): TicketResponse {
    const now = this.stampTime();
    return {
      username,
      ticket: signTicket(this.ticketKey, username, now),
      CSRFPreventionToken: makeCsrfToken(this.csrfKey, username, now),
    };
  }

  /** Who is asking, or AuthFailure with PBS's (logged, not sent) reason. */
  authenticate(creds: Credentials): string {
    if (creds.ticket !== undefined) return this.authenticateTicket(creds);
    const auth = creds.authorization ?? '';
    const m = /^PBSAPIToken[ =](.*)$/s.exec(auth);
    if (!m) throw new AuthFailure('no authentication credentials provided.');
    const idx = m[1]!.indexOf(':');
    if (idx < 0) throw new AuthFailure('failed to split API token header');
    const tokenid = m[1]!.slice(0, idx);
    if (!this.isActive(tokenid)) throw new AuthFailure('user account or token disabled or expired.');
    let secret: string;
    try {
      secret = decodeURIComponent(m[1]!.slice(idx + 1));
    } catch {
      throw new AuthFailure('failed to decode API token header');
    }
    if (this.tokens.get(tokenid)?.secret !== secret) throw new AuthFailure('invalid API token secret');
    return tokenid;
  }

  private authenticateTicket(creds: Credentials): string {
    let userid: string;
    try {
      userid = this.checkTicket(creds.ticket!, [-300, this.ticketLifetime]);
    } catch (e) {
      throw new AuthFailure((e as TicketError).message);
    }
    if (userid.startsWith('!tfa!')) throw new AuthFailure('access denied - second login factor required');
    if (!this.isActive(userid)) throw new AuthFailure('user account disabled or expired.');
    if (creds.method.toUpperCase() !== 'GET') {
      if (!creds.csrfToken) throw new AuthFailure('missing CSRF prevention token');
      try {
        verifyCsrfToken(this.csrfKey, userid, creds.csrfToken, this.now(), this.ticketLifetime);
      } catch (e) {
        throw new AuthFailure((e as Error).message);
      }
    }
    return userid;
  }

  privDetails(authid: string, path: string | string[]): PrivDetails {
    return lookupPrivDetails(this.acl, authid, typeof path === 'string' ? splitAclPath(path) : path);
  }

  privs(authid: string, path: string | string[]): number {
    return this.privDetails(authid, path).privs;
  }

  /** `partial`: any of `privs` suffices (PBS's Permission::Privilege(..., true)). */
  hasPrivs(authid: string, path: string | string[], privs: number, partial = false): boolean {
    const have = this.privs(authid, path);
    return partial ? (have & privs) !== 0 : (have & privs) === privs;
  }

  /** Any of `privs` on `path` (propagated) or on some ACL path below it. */
  anyPrivsBelow(authid: string, path: string | string[], privs: number): boolean {
    return anyPrivsBelow(this.acl, authid, typeof path === 'string' ? splitAclPath(path) : path, privs);
  }

  /** GET /access/permissions for `authid`: ACL path → privilege → propagates. */
  permissions(authid: string, path?: string): Record<string, Record<string, boolean>> {
    return listPermissions(this.acl, authid, path);
  }
}

export function createAuthModel(opts: AuthModelOptions = {}): AuthModel {
  return new AuthModel(opts);
}
