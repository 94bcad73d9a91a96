// /access/users and their API tokens (src/api2/access/user.rs): create, read, update and delete, with PBS's
// router-level permissions (Permissions.Modify or Sys.Audit on /access/users, or being the user the URL names).
import type { HttpHandler } from 'msw';
import { PRIV } from '../sim/auth/privileges';
import {
  createUser,
  deleteToken,
  deleteUser,
  generateToken,
  readToken,
  readUser,
  tokensOf,
  tokenView,
  updateToken,
  updateUser,
  userConfigDigest,
  userView,
  type TokenFields,
  type UserFields,
} from '../sim/auth/user-config';
import { privilege, privilegeOrSelf } from './auth-gate';
import type { HandlerContext } from './context';
import type { ParamSchema, Params } from './params';
import { ok } from './respond';
import { route } from './route';
import {
  DIGEST,
  EXPIRE,
  NAME_FIELD,
  PBS_PASSWORD,
  SINGLE_LINE_COMMENT,
  TOKEN_NAME,
  USERID,
  bool,
  opt,
  req,
  str,
} from './schemas';

const USERS = '/access/users';
const AUDIT_OR_SELF = privilegeOrSelf(USERS, PRIV.SYS_AUDIT, 'userid');
const MODIFY_OR_SELF = privilegeOrSelf(USERS, PRIV.PERMISSIONS_MODIFY, 'userid');

const USER_FIELDS: ParamSchema = {
  comment: opt(SINGLE_LINE_COMMENT),
  enable: opt(bool),
  expire: opt(EXPIRE),
  firstname: opt(NAME_FIELD),
  lastname: opt(NAME_FIELD),
  email: opt(NAME_FIELD),
};
const TOKEN_FIELDS: ParamSchema = { comment: opt(SINGLE_LINE_COMMENT), enable: opt(bool), expire: opt(EXPIRE) };
const TOKEN_PATH = { tokenName: 'token-name' };
const TOKEN: ParamSchema = { userid: req(USERID), 'token-name': req(TOKEN_NAME) };
const USER_DELETABLE = str({ enum: ['comment', 'firstname', 'lastname', 'email'] });

function fieldsOf<T>(params: Params, schema: ParamSchema): T {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(schema)) if (params[k] !== undefined) out[k] = params[k];
  return out as T;
}

const tokenIdOf = (params: Params) => `${params.userid as string}!${params['token-name'] as string}`;
const digestOf = (params: Params) => params.digest as string | undefined;

export function userHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'post',
      path: USERS,
      access: privilege(USERS, PRIV.PERMISSIONS_MODIFY),
      params: { userid: req(USERID), ...USER_FIELDS, password: opt(PBS_PASSWORD) },
      handler: ({ params, auth, authid }) => {
        const fields = fieldsOf<UserFields>(params, USER_FIELDS);
        createUser(auth, authid, { userid: params.userid as string, ...fields }, params.password as string | undefined);
        return ok(null);
      },
    }),
    route(ctx, {
      method: 'get',
      path: `${USERS}/:userid`,
      access: AUDIT_OR_SELF,
      params: { userid: req(USERID) },
      handler: ({ params, auth }) =>
        ok(userView(readUser(auth, params.userid as string)), { digest: userConfigDigest(auth) }),
    }),
    route(ctx, {
      method: 'put',
      path: `${USERS}/:userid`,
      access: MODIFY_OR_SELF,
      params: {
        userid: req(USERID),
        ...USER_FIELDS,
        password: opt(PBS_PASSWORD),
        delete: opt({ type: 'array', items: USER_DELETABLE }),
        digest: opt(DIGEST),
      },
      handler: ({ params, auth, authid }) => {
        updateUser(auth, authid, params.userid as string, {
          fields: fieldsOf<UserFields>(params, USER_FIELDS),
          password: params.password as string | undefined,
          delete: params.delete as string[] | undefined,
          digest: digestOf(params),
        });
        return ok(null);
      },
    }),
    route(ctx, {
      method: 'delete',
      path: `${USERS}/:userid`,
      access: MODIFY_OR_SELF,
      params: { userid: req(USERID), digest: opt(DIGEST) },
      handler: ({ params, auth }) => {
        deleteUser(auth, params.userid as string, digestOf(params));
        return ok(null);
      },
    }),
    route(ctx, {
      method: 'get',
      path: `${USERS}/:userid/token`,
      access: AUDIT_OR_SELF,
      params: { userid: req(USERID) },
      handler: ({ params, auth }) =>
        ok(
          tokensOf(auth, params.userid as string).map((id) => ({
            'token-name': id.slice(id.indexOf('!') + 1),
            ...tokenView(auth.tokens.get(id)!),
          })),
          { digest: userConfigDigest(auth) },
        ),
    }),
    route(ctx, {
      method: 'get',
      path: `${USERS}/:userid/token/:tokenName`,
      pathNames: TOKEN_PATH,
      access: AUDIT_OR_SELF,
      params: TOKEN,
      handler: ({ params, auth }) =>
        ok(tokenView(readToken(auth, tokenIdOf(params))), { digest: userConfigDigest(auth) }),
    }),
    route(ctx, {
      method: 'post',
      path: `${USERS}/:userid/token/:tokenName`,
      pathNames: TOKEN_PATH,
      access: MODIFY_OR_SELF,
      params: { ...TOKEN, ...TOKEN_FIELDS, digest: opt(DIGEST) },
      handler: ({ params, auth }) =>
        ok(generateToken(auth, tokenIdOf(params), fieldsOf<TokenFields>(params, TOKEN_FIELDS), digestOf(params))),
    }),
    route(ctx, {
      method: 'put',
      path: `${USERS}/:userid/token/:tokenName`,
      pathNames: TOKEN_PATH,
      access: MODIFY_OR_SELF,
      params: { ...TOKEN, ...TOKEN_FIELDS, digest: opt(DIGEST) },
      handler: ({ params, auth }) => {
        updateToken(auth, tokenIdOf(params), fieldsOf<TokenFields>(params, TOKEN_FIELDS), digestOf(params));
        return ok(null);
      },
    }),
    route(ctx, {
      method: 'delete',
      path: `${USERS}/:userid/token/:tokenName`,
      pathNames: TOKEN_PATH,
      access: MODIFY_OR_SELF,
      params: { ...TOKEN, digest: opt(DIGEST) },
      handler: ({ params, auth }) => {
        deleteToken(auth, tokenIdOf(params), digestOf(params));
        return ok(null);
      },
    }),
  ];
}
