// Verify jobs: /config/verify CRUD with digests (src/api2/config/verify.rs) and /admin/verify status and run
// (src/api2/admin/verify.rs). Privileges are checked inside the handlers, where PBS checks them.
import type { HttpHandler } from 'msw';
import { PRIV } from '../sim/auth/privileges';
import type { VerifyJobConfig } from '../sim/simulator';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import { checkPrivs, nsAclPath } from './ns-privs';
import { ok } from './respond';
import { route, type ApiCall } from './route';
import { DATASTORE, DIGEST, opt, req, str } from './schemas';
import { JOB_ID, STORE, VERIFY_DELETABLE, VERIFY_JOB_FIELDS, checkSchedules, pick } from './job-params';

const READ = PRIV.DATASTORE_AUDIT | PRIV.DATASTORE_VERIFY;
const id = { id: req(JOB_ID) };

const may =
  ({ auth, authid }: ApiCall, privs: number, partial: boolean) =>
  (c: VerifyJobConfig) =>
    checkPrivs(auth, authid, nsAclPath(c.store, c.ns), privs, partial);
const visible =
  ({ auth, authid }: ApiCall) =>
  (c: VerifyJobConfig) =>
    auth.hasPrivs(authid, nsAclPath(c.store, c.ns), READ, true);

function create(call: ApiCall) {
  const { params, sim } = call;
  checkSchedules(params);
  const config = {
    id: params.id,
    store: params.store,
    ...pick<VerifyJobConfig>(params, VERIFY_JOB_FIELDS),
  } as VerifyJobConfig;
  sim.jobs.createVerify(config, may(call, PRIV.DATASTORE_VERIFY, false));
  return ok(null);
}

function update(call: ApiCall) {
  const { params, sim } = call;
  checkSchedules(params);
  const values = pick<VerifyJobConfig>(params, { ...VERIFY_JOB_FIELDS, ...STORE });
  const del = (params.delete as string[] | undefined) ?? [];
  sim.jobs.updateVerify(
    params.id as string,
    values,
    del,
    params.digest as string | undefined,
    may(call, PRIV.DATASTORE_VERIFY, true),
  );
  return ok(null);
}

export function verifyJobHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'get',
      path: '/config/verify',
      access: ANYBODY,
      params: {},
      handler: (call) =>
        ok(call.sim.jobs.listVerify().filter(visible(call)), { digest: call.sim.jobs.verify.digest() }),
    }),
    route(ctx, {
      method: 'post',
      path: '/config/verify',
      access: ANYBODY,
      params: { ...id, ...STORE, ...VERIFY_JOB_FIELDS },
      handler: create,
    }),
    route(ctx, {
      method: 'get',
      path: '/config/verify/:id',
      access: ANYBODY,
      params: id,
      handler: (call) => {
        const job = call.sim.jobs.readVerify(call.params.id as string);
        may(call, READ, true)(job);
        return ok(job, { digest: call.sim.jobs.verify.digest() });
      },
    }),
    route(ctx, {
      method: 'put',
      path: '/config/verify/:id',
      access: ANYBODY,
      params: {
        ...id,
        store: opt(DATASTORE),
        ...VERIFY_JOB_FIELDS,
        delete: opt({ type: 'array', items: str({ enum: VERIFY_DELETABLE }) }),
        digest: opt(DIGEST),
      },
      handler: update,
    }),
    route(ctx, {
      method: 'delete',
      path: '/config/verify/:id',
      access: ANYBODY,
      params: { ...id, digest: opt(DIGEST) },
      handler: (call) => {
        call.sim.jobs.deleteVerify(
          call.params.id as string,
          call.params.digest as string | undefined,
          may(call, PRIV.DATASTORE_VERIFY, true),
        );
        return ok(null);
      },
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/verify',
      access: ANYBODY,
      params: { store: opt(DATASTORE) },
      handler: (call) =>
        ok(call.sim.jobs.verifyStatus(call.params.store as string | undefined).filter(visible(call)), {
          digest: call.sim.jobs.verify.digest(),
        }),
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/verify/:id',
      access: ANYBODY,
      params: id,
      handler: () => ok([{ subdir: 'run' }]),
    }),
    route(ctx, {
      method: 'post',
      path: '/admin/verify/:id/run',
      access: ANYBODY,
      params: id,
      handler: (call) =>
        ok(call.sim.jobs.runVerify(call.params.id as string, call.authid, may(call, PRIV.DATASTORE_VERIFY, true))),
    }),
  ];
}
