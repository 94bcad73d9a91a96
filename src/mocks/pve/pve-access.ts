// Who may do what in the simulated Proxmox VE: logins with PVE's ticket and second-factor flow
// (PVE/API2/AccessControl.pm create_ticket, PVE::AccessControl authenticate_user and authenticate_2nd_new),
// pveproxy's authentication of every other call (PVE::HTTPServer auth_handler, verify_token), and the permission
// checks of PVE::RPCEnvironment. Times come from the simulator's clock.
import { SHA256, hmac, utf8 } from '../sim/auth/sha';
import { UserTfa } from '../sim/auth/tfa';
import { PVE_CLUSTER_NAME, pveDemoPools } from './pve-config';
import { aclPaths, pvePrivileges, type PveAclEntry, type PvePool } from './pve-acl';
import { PveAuthError, PveError } from './pve-errors';
import { assembleCsrfToken, assembleTicket, verifyCsrfToken, verifyTicket } from './pve-ticket';
import { PVE_REALMS, pveDemoAcl, pveDemoUsers, type PveUserRecord } from './pve-users';
import { webauthnChallenge } from './pve-webauthn';

export interface PveLoginParams {
  username?: string;
  realm?: string;
  password?: string;
  otp?: string;
  'tfa-challenge'?: string;
}

export interface PveTicketAnswer {
  username: string;
  ticket: string;
  CSRFPreventionToken: string;
  NeedTFA?: 1;
  cap?: Record<string, Record<string, 1>>;
  clustername?: string;
}

export interface PveCredentials {
  method: string;
  cookie: string | null;
  authorization: string | null;
  csrf: string | null;
}

/** Why a login failed; PVE logs it and answers every failure alike. */
class LoginFailure extends Error {}

const USERID = /^[^\s:/@!]+@[A-Za-z][A-Za-z0-9.\-_]+$/;

/** PVE::APIServer::Formatter::extract_auth_value */
function authValue(header: string | null, key: string): string | null {
  const m = header ? new RegExp(`(?:^|\\s)${key}(?:=| )([^;]*)`).exec(header) : null;
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

export class PveAccess {
  readonly acl: PveAclEntry[] = pveDemoAcl();
  readonly pools: PvePool[] = pveDemoPools();
  private readonly users = new Map<string, PveUserRecord>();
  private readonly tfa = new Map<string, UserTfa>();
  private readonly key: Uint8Array;

  constructor(
    seed: number,
    private readonly now: () => number,
  ) {
    this.key = hmac(SHA256, utf8('pbs-deck-sim-pve'), utf8(String(seed)));
    for (const u of pveDemoUsers()) {
      this.users.set(u.userid, u);
      if (u.totp || u.recovery) this.tfa.set(u.userid, new UserTfa(u.totp, u.recovery));
    }
  }

  domains() {
    return PVE_REALMS.map((r) => ({ ...r }));
  }

  /** POST /access/ticket; every failure is 401 "authentication failure". */
  login(p: PveLoginParams): PveTicketAnswer {
    const username = p.realm ? `${p.username ?? ''}@${p.realm}` : (p.username ?? '');
    let answer: PveTicketAnswer;
    try {
      answer = this.createTicket(username, p);
    } catch (e) {
      if (e instanceof LoginFailure) throw new PveError(401, 'authentication failure\n');
      throw e;
    }
    if (!answer.NeedTFA) answer.cap = this.cap(username);
    if (this.has(username, '/', 'Sys.Audit')) answer.clustername = PVE_CLUSTER_NAME;
    return answer;
  }

  private createTicket(username: string, p: PveLoginParams): PveTicketAnswer {
    const user = this.users.get(username);
    if (!USERID.test(username) || !user || user.enable === false) throw new LoginFailure('no such user');
    const challengeTicket = p['tfa-challenge'];
    if (p.otp !== undefined && challengeTicket !== undefined) throw new LoginFailure('otp with tfa-challenge');
    const password = p.password ?? '';
    if (challengeTicket === undefined) {
      // renewal: a valid full ticket of the same user (or of root@pam) stands in for the password
      const data = verifyTicket(this.key, password, this.now());
      if (data !== null && !data.startsWith('!tfa!') && (data === 'root@pam' || data === username))
        return this.fullTicket(username);
    } else {
      this.secondFactor(username, challengeTicket, password);
      return this.fullTicket(username);
    }
    const realm = username.slice(username.indexOf('@') + 1);
    if (!PVE_REALMS.some((r) => r.realm === realm)) throw new LoginFailure(`auth domain '${realm}' does not exist`);
    if (user.password !== password) throw new LoginFailure('invalid credentials');
    const challenge = this.challenge(user);
    if (challenge === null) return this.fullTicket(username);
    // the old `otp` parameter answers the challenge at once; PVE still hands out the half ticket after it
    if (p.otp !== undefined) this.verifyResponse(username, p.otp);
    return {
      username,
      ticket: assembleTicket(this.key, `!tfa!${challenge}`, this.now(), username),
      CSRFPreventionToken: assembleCsrfToken(this.key, username, this.now()),
      NeedTFA: 1,
    };
  }

  /** proxmox-tfa's TfaChallenge as JSON, or null without a second factor. */
  private challenge(user: PveUserRecord): string | null {
    if (user.webauthn) return JSON.stringify({ webauthn: webauthnChallenge(this.key, user, this.now()) });
    const c = this.tfa.get(user.userid)?.challenge();
    return c ? JSON.stringify(c) : null;
  }

  private secondFactor(username: string, challengeTicket: string, response: string): void {
    const data = verifyTicket(this.key, challengeTicket, this.now(), username);
    if (data === null || !data.startsWith('!tfa!')) throw new LoginFailure('bad ticket');
    this.verifyResponse(username, response);
  }

  private verifyResponse(username: string, response: string): void {
    if (!/^[^:]+:/.test(response)) throw new LoginFailure('bad otp response');
    const tfa = this.tfa.get(username);
    if (!tfa) throw new LoginFailure('failed 2nd factor');
    try {
      tfa.verify(response, this.now());
    } catch (e) {
      throw new LoginFailure((e as Error).message);
    }
  }

  private fullTicket(username: string): PveTicketAnswer {
    return {
      username,
      ticket: assembleTicket(this.key, username, this.now()),
      CSRFPreventionToken: assembleCsrfToken(this.key, username, this.now()),
    };
  }

  /** A full ticket without a password, for tests. */
  issueTicket(userid: string): PveTicketAnswer {
    if (!this.users.has(userid)) throw new Error(`no such user '${userid}'`);
    return this.fullTicket(userid);
  }

  /** pveproxy's auth_handler: the user or token id, or a 401 with PVE's reason phrase. */
  authenticate(c: PveCredentials): string {
    const ticket = authValue(c.cookie, 'PVEAuthCookie') ?? authValue(c.authorization, 'PVEAuthCookie');
    const token = ticket === null ? authValue(c.authorization, 'PVEAPIToken') : null;
    if (token !== null) {
      const tokenid = this.verifyToken(token);
      if (tokenid === null) throw new PveAuthError('Authentication failed!');
      return tokenid;
    }
    if (ticket === null) throw new PveAuthError('No ticket');
    const userid = verifyTicket(this.key, ticket, this.now());
    const user = userid === null ? undefined : this.users.get(userid);
    if (userid === null || !user || user.enable === false) throw new PveAuthError('Authentication failed!');
    if (c.method !== 'GET' && !(c.csrf !== null && verifyCsrfToken(this.key, userid, c.csrf, this.now())))
      throw new PveAuthError('Permission denied - invalid csrf token');
    return userid;
  }

  private verifyToken(value: string): string | null {
    const m = /^(.*)=(.*)$/.exec(value);
    const id = m ? /^([^!]+)!(.+)$/.exec(m[1]!) : null;
    if (!m || !id) return null;
    const user = this.users.get(id[1]!);
    if (!user || user.enable === false) return null;
    return user.tokens?.[id[2]!]?.secret === m[2] ? m[1]! : null;
  }

  privs(authid: string, path: string): Set<string> {
    return pvePrivileges(
      {
        acl: this.acl,
        pools: this.pools,
        tokenPrivsep: (tokenid) => {
          const bang = tokenid.indexOf('!');
          return this.users.get(tokenid.slice(0, bang))?.tokens?.[tokenid.slice(bang + 1)]?.privsep;
        },
      },
      authid,
      path,
    );
  }

  has(authid: string, path: string, priv: string): boolean {
    return this.privs(authid, path).has(priv);
  }

  /** $rpcenv->check: every privilege, or 403 "Permission check failed (<path>, <priv>)". */
  check(authid: string, path: string, privs: string[]): void {
    const have = this.privs(authid, path);
    const missing = privs.find((p) => !have.has(p));
    if (missing !== undefined) throw permissionError(`${path}, ${missing}`);
  }

  /** $rpcenv->check_any: one of the privileges, or 403 naming them all. */
  checkAny(authid: string, path: string, privs: string[]): void {
    const have = this.privs(authid, path);
    if (!privs.some((p) => have.has(p))) throw permissionError(`${path}, ${privs.join('|')}`);
  }

  /** $rpcenv->check_vm_perm: on the pool when one is given, else on the guest. */
  checkVmPerm(authid: string, vmid: number, pool: string | undefined, privs: string[]): void {
    if (pool !== undefined && privs.every((p) => this.has(authid, `/pool/${pool}`, p))) return;
    this.check(authid, `/vms/${vmid}`, privs);
  }

  checkPoolExist(pool: string): void {
    if (!this.pools.some((p) => p.poolid === pool)) throw permissionError(`pool '${pool}' does not exist`);
  }

  poolOf(vmid: number): string | undefined {
    return this.pools.find((p) => p.vms.includes(vmid))?.poolid;
  }

  /** PVE::AccessControl::add_vm_to_pool: a guest belongs to one pool at most. */
  addToPool(vmid: number, poolid: string): void {
    for (const p of this.pools) p.vms = p.vms.filter((id) => id !== vmid);
    this.pools.find((p) => p.poolid === poolid)?.vms.push(vmid);
  }

  /** PVE::RPCEnvironment::compute_api_permission: the `cap` a login answers with. */
  cap(authid: string): Record<string, Record<string, 1>> {
    const re: Record<string, RegExp> = {
      vms: /^(VM\.|Permissions\.Modify)/,
      access: /^((User|Group)\.|Permissions\.Modify)/,
      storage: /^(Datastore\.|Permissions\.Modify)/,
      nodes: /^(Sys\.|Permissions\.Modify)/,
      sdn: /^(SDN\.|Permissions\.Modify)/,
      dc: /^(Sys\.Audit|Sys\.Modify|SDN\.)/,
      mapping: /^(Mapping\.|Permissions.Modify)/,
    };
    const res: Record<string, Record<string, 1>> = Object.fromEntries(Object.keys(re).map((k) => [k, {}]));
    const paths = new Set([
      '/',
      '/nodes',
      '/access/groups',
      '/vms',
      '/storage',
      '/sdn',
      '/mapping',
      ...aclPaths(this.acl),
    ]);
    for (const path of paths) {
      const top = /^\/(\w+)/.exec(path)?.[1] ?? 'dc';
      for (const priv of this.privs(authid, path)) {
        if (top === 'pool') {
          if (priv.startsWith('VM.') || priv === 'Permissions.Modify') res.vms![priv] = 1;
          if (priv.startsWith('Datastore.') || priv === 'Permissions.Modify') res.storage![priv] = 1;
        } else if (re[top]?.test(priv)) res[top]![priv] = 1;
      }
    }
    return res;
  }
}

/** raise_perm_exc: 403 "Permission check failed[ (<what>)]". */
export const permissionError = (what?: string) =>
  new PveError(403, what === undefined ? 'Permission check failed\n' : `Permission check failed (${what})\n`);
