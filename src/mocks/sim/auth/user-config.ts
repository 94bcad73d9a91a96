// user.cfg and acl.cfg changed through PBS's API (src/api2/access/user.rs, acl.rs): users, API tokens and ACL
// entries, with the config digests, existence checks and texts PBS answers with. Callers check the router-level
// permission first; the checks PBS makes inside the handlers are made here.
import { SimError } from '../errors';
import { isToken, userOf, SUPERUSER, type AclEntry } from './acl';
import { checkAclPath } from './acl-path';
import type { AuthModel } from './auth-model';
import { REALMS } from './auth-types';
import type { TokenRecord, UserRecord } from './demo-users';
import { PRIV } from './privileges';
import { sha256, toHex, utf8 } from './sha';

export const MODIFIED = 'detected modified configuration - file changed by other user? Try again.';

export type UserFields = Pick<UserRecord, 'comment' | 'enable' | 'expire' | 'firstname' | 'lastname' | 'email'>;
export type TokenFields = Pick<TokenRecord, 'comment' | 'enable' | 'expire'>;
const USER_FIELDS = ['comment', 'enable', 'expire', 'firstname', 'lastname', 'email'] as const;
const TOKEN_FIELDS = ['comment', 'enable', 'expire'] as const;

const digestOf = (value: unknown): string => toHex(sha256(utf8(JSON.stringify(value))));

/** The digest of user.cfg: users and tokens with their settings (never a secret or password). */
export function userConfigDigest(auth: AuthModel): string {
  const users = [...auth.users.values()].map((u) => [u.userid, ...USER_FIELDS.map((k) => u[k] ?? null)]);
  const tokens = [...auth.tokens.values()].map((t) => [t.tokenid, ...TOKEN_FIELDS.map((k) => t[k] ?? null)]);
  return digestOf([users, tokens]);
}

export function aclConfigDigest(auth: AuthModel): string {
  return digestOf(auth.acl.entries);
}

function checkDigest(given: string | undefined, current: string): void {
  if (given !== undefined && given !== current) throw new Error(MODIFIED);
}

const realmOf = (userid: string): string => userid.slice(userid.lastIndexOf('@') + 1);

function checkRealm(userid: string): void {
  const realm = realmOf(userid);
  if (!REALMS.some((r) => r.realm === realm)) throw new Error(`unknown realm '${realm}'`);
}

/** What GET /access/users/{userid} shows: the config's fields, never the password or second factors. */
export function userView(u: UserRecord): UserFields & { userid: string } {
  const out: UserFields & { userid: string } = { userid: u.userid };
  for (const k of USER_FIELDS) if (u[k] !== undefined) Object.assign(out, { [k]: u[k] });
  return out;
}

export function tokenView(t: TokenRecord): TokenFields & { tokenid: string } {
  const out: TokenFields & { tokenid: string } = { tokenid: t.tokenid };
  for (const k of TOKEN_FIELDS) if (t[k] !== undefined) Object.assign(out, { [k]: t[k] });
  return out;
}

/** A section of user.cfg, or the section config's own text for a missing one. */
function lookup<T>(sections: Map<string, T>, type: 'user' | 'token', id: string): T {
  const found = sections.get(id);
  if (!found) throw new Error(`no such ${type} '${id}'`);
  return found;
}

export const readUser = (auth: AuthModel, userid: string): UserRecord => lookup(auth.users, 'user', userid);
export const readToken = (auth: AuthModel, tokenid: string): TokenRecord => lookup(auth.tokens, 'token', tokenid);

/** create_user: the user is saved before the pam check, so a refused pam password still leaves the user behind. */
export function createUser(
  auth: AuthModel,
  caller: string,
  user: UserFields & { userid: string },
  password: string | undefined,
): void {
  if (auth.users.has(user.userid)) throw new Error(`user '${user.userid}' already exists.`);
  checkRealm(user.userid);
  auth.addUser({ ...user });
  if (password === undefined) return;
  if (realmOf(user.userid) === 'pam' && caller !== SUPERUSER)
    throw new Error('only superuser can edit pam credentials!');
  auth.users.get(user.userid)!.password = password;
}

/** user_update_auth: anyone but root@pam confirms a password change with their own password. */
function confirmCaller(auth: AuthModel, caller: string, password: string): void {
  if (userOf(caller) === SUPERUSER) return;
  const self = auth.users.get(userOf(caller));
  if (self?.password === undefined) throw new SimError(401, 'no password set');
  if (self.password !== password) throw new SimError(401, 'invalid credentials');
}

export interface UserUpdate {
  fields: UserFields;
  password?: string;
  delete?: string[];
  digest?: string;
}

export function updateUser(auth: AuthModel, caller: string, userid: string, update: UserUpdate): void {
  if (update.password !== undefined) confirmCaller(auth, caller, update.password);
  checkDigest(update.digest, userConfigDigest(auth));
  const next = { ...readUser(auth, userid) };
  for (const k of update.delete ?? []) delete next[k as keyof UserFields];
  const { comment, enable, expire, firstname, lastname, email } = update.fields;
  if (comment !== undefined) next.comment = comment.trim() || undefined;
  if (enable !== undefined) next.enable = enable ? undefined : false;
  if (expire !== undefined) next.expire = expire > 0 ? expire : undefined;
  if (update.password !== undefined) {
    const self = userOf(caller) === userid;
    if (!self && realmOf(userid) === 'pam' && caller !== SUPERUSER) {
      throw new Error('only superuser can edit pam credentials!');
    }
    next.password = update.password;
  }
  if (firstname !== undefined) next.firstname = firstname || undefined;
  if (lastname !== undefined) next.lastname = lastname || undefined;
  if (email !== undefined) next.email = email || undefined;
  auth.users.set(userid, next);
}

/** delete_user, and with it the user's API tokens and every ACL entry of the user and its tokens. */
export function deleteUser(auth: AuthModel, userid: string, digest: string | undefined): void {
  checkDigest(digest, userConfigDigest(auth));
  if (!auth.users.has(userid)) throw new Error(`user '${userid}' does not exist.`);
  auth.users.delete(userid);
  auth.removeTfa(userid);
  for (const tokenid of tokensOf(auth, userid)) {
    auth.tokens.delete(tokenid);
    auth.acl.removeAuthid(tokenid);
  }
  auth.acl.removeAuthid(userid);
}

export function tokensOf(auth: AuthModel, userid: string): string[] {
  return [...auth.tokens.keys()].filter((id) => isToken(id) && userOf(id) === userid);
}

/** generate_token: the secret is returned here and never again. */
export function generateToken(
  auth: AuthModel,
  tokenid: string,
  fields: TokenFields,
  digest: string | undefined,
): { tokenid: string; value: string } {
  checkDigest(digest, userConfigDigest(auth));
  const [userid, name] = tokenid.split('!') as [string, string];
  if (auth.tokens.has(tokenid)) throw new Error(`token '${name}' for user '${userid}' already exists.`);
  const value = auth.newTokenSecret(tokenid);
  auth.addToken({ tokenid, secret: value, ...fields });
  return { tokenid, value };
}

export function updateToken(auth: AuthModel, tokenid: string, fields: TokenFields, digest: string | undefined): void {
  checkDigest(digest, userConfigDigest(auth));
  const next = { ...readToken(auth, tokenid) };
  if (fields.comment !== undefined) next.comment = fields.comment.trim() || undefined;
  if (fields.enable !== undefined) next.enable = fields.enable ? undefined : false;
  if (fields.expire !== undefined) next.expire = fields.expire > 0 ? fields.expire : undefined;
  auth.tokens.set(tokenid, next);
}

/** delete_token, and the token's ACL entries with it. */
export function deleteToken(auth: AuthModel, tokenid: string, digest: string | undefined): void {
  checkDigest(digest, userConfigDigest(auth));
  const [userid, name] = tokenid.split('!') as [string, string];
  if (!auth.tokens.delete(tokenid)) throw new Error(`token '${name}' of user '${userid}' does not exist.`);
  auth.acl.removeAuthid(tokenid);
}

/** read_acl: everything with Sys.Audit on /access/acl, otherwise only the entries of the caller's own tokens. */
export function readAcl(auth: AuthModel, caller: string, path: string | undefined, exact: boolean): AclEntry[] {
  const all = auth.hasPrivs(caller, '/access/acl', PRIV.SYS_AUDIT);
  if (!all && isToken(caller)) return [];
  return auth.acl.list(path ?? '/', exact).filter((e) => all || (isToken(e.ugid) && userOf(e.ugid) === userOf(caller)));
}

export interface AclUpdate {
  path: string;
  role: string;
  propagate?: boolean;
  authid?: string;
  group?: string;
  delete?: boolean;
  digest?: string;
}

/** update_acl: without Permissions.Modify on /access/acl a user may only set entries for its own tokens. */
export function updateAcl(auth: AuthModel, caller: string, u: AclUpdate): void {
  if (!auth.hasPrivs(caller, '/access/acl', PRIV.PERMISSIONS_MODIFY)) {
    if (u.group !== undefined) throw new Error('Unprivileged users are not allowed to create group ACL item.');
    if (u.authid === undefined) throw new Error('Unprivileged user needs to provide auth_id to update ACL item.');
    if (isToken(caller)) throw new Error("Unprivileged API tokens can't set ACL items.");
    if (!isToken(u.authid)) throw new Error('Unprivileged users can only set ACL items for API tokens.');
    if (userOf(u.authid) !== userOf(caller)) {
      throw new Error('Unprivileged users can only set ACL items for their own API tokens.');
    }
  }
  checkDigest(u.digest, aclConfigDigest(auth));
  if (u.group !== undefined) throw new Error("parameter 'group' - groups are currently not supported.");
  if (u.authid === undefined) throw new Error("missing 'userid' or 'group' parameter.");
  // removing the entries of an id that is gone, or on a path PBS no longer accepts, stays possible
  if (u.delete) return auth.acl.remove(u.path, u.authid, u.role);
  const known = isToken(u.authid) ? auth.tokens.has(u.authid) : auth.users.has(u.authid);
  if (!known) throw new Error(`no such ${isToken(u.authid) ? 'API token' : 'user'}.`);
  checkAclPath(u.path);
  auth.acl.add({ path: u.path, ugid: u.authid, roleid: u.role, propagate: u.propagate ?? true });
}
