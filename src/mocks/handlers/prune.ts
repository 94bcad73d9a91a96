// Prune: one group (POST /admin/datastore/{store}/prune), a datastore or namespace subtree (…/prune-datastore),
// and prune jobs: /config/prune CRUD with digests and /admin/prune status and run (src/api2/{admin,config}/prune.rs).
import type { HttpHandler } from 'msw';
import { PRIV } from '../sim/auth/privileges';
import type { BackupType, KeepOptions, PruneDatastoreOptions, PruneJobConfig } from '../sim/simulator';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import { checkBackupOwner, checkNsPrivsFull, checkPrivs, isBackupOwner, nsAclPath } from './ns-privs';
import { ok } from './respond';
import { route, type ApiCall } from './route';
import { BACKUP_ID, BACKUP_TYPE, DATASTORE, DIGEST, MAX_DEPTH, NAMESPACE, bool, opt, req, str } from './schemas';
import { JOB_ID, KEEP_PARAMS, PRUNE_DELETABLE, PRUNE_JOB_FIELDS, STORE, checkSchedules, pick } from './job-params';

const P = PRIV;
const id = { id: req(JOB_ID) };

const may =
  ({ auth, authid }: ApiCall, privs: number) =>
  (c: PruneJobConfig) =>
    checkPrivs(auth, authid, nsAclPath(c.store, c.ns), privs, true);
const visible =
  ({ auth, authid }: ApiCall) =>
  (c: PruneJobConfig) =>
    auth.hasPrivs(authid, nsAclPath(c.store, c.ns), P.DATASTORE_AUDIT | P.DATASTORE_MODIFY, true);

function pruneGroup({ params, sim, auth, authid }: ApiCall) {
  const store = params.store as string;
  const ns = params.ns as string | undefined;
  const type = params['backup-type'] as BackupType;
  const bid = params['backup-id'] as string;
  if (checkNsPrivsFull(auth, authid, store, ns, P.DATASTORE_MODIFY, P.DATASTORE_PRUNE))
    checkBackupOwner(sim.owner(store, ns, type, bid), authid);
  const keep = pick<KeepOptions>(params, KEEP_PARAMS);
  const dryRun = (params['dry-run'] as boolean | undefined) ?? false;
  const { list, upid } = sim.pruneGroup(store, { ns, type, id: bid, keep, dryRun }, authid);
  return ok(!dryRun && params['use-task'] ? upid : list);
}

function pruneDatastore({ params, sim, auth, authid }: ApiCall) {
  const store = params.store as string;
  const options = pick<PruneDatastoreOptions>(params, {
    ...KEEP_PARAMS,
    ns: opt(NAMESPACE),
    'max-depth': opt(MAX_DEPTH),
  });
  checkPrivs(auth, authid, nsAclPath(store, options.ns), P.DATASTORE_MODIFY | P.DATASTORE_PRUNE, true);
  // ListAccessibleBackupGroups: Modify prunes every group, Prune only the caller's own
  const mayPrune = (ns: string, owner: string) => {
    const privs = auth.privs(authid, nsAclPath(store, ns));
    return (privs & P.DATASTORE_MODIFY) !== 0 || ((privs & P.DATASTORE_PRUNE) !== 0 && isBackupOwner(owner, authid));
  };
  return ok(
    sim.jobs.pruneDatastore(store, { options, dryRun: params['dry-run'] as boolean | undefined, mayPrune }, authid),
  );
}

function createJob(call: ApiCall) {
  const { params, sim } = call;
  checkSchedules(params);
  const config = {
    id: params.id,
    store: params.store,
    schedule: params.schedule,
    ...pick<PruneJobConfig>(params, PRUNE_JOB_FIELDS),
  } as PruneJobConfig;
  if (config.disable === false) delete config.disable;
  sim.jobs.createPrune(config, may(call, P.DATASTORE_MODIFY));
  return ok(null);
}

function updateJob(call: ApiCall) {
  const { params, sim } = call;
  checkSchedules(params);
  const values = pick<PruneJobConfig>(params, { ...PRUNE_JOB_FIELDS, ...STORE, schedule: opt(str()) });
  const del = (params.delete as string[] | undefined) ?? [];
  sim.jobs.updatePrune(
    params.id as string,
    values,
    del,
    params.digest as string | undefined,
    may(call, P.DATASTORE_MODIFY),
  );
  return ok(null);
}

export function pruneHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'post',
      path: '/admin/datastore/:store/prune',
      access: ANYBODY,
      params: {
        ...STORE,
        ns: opt(NAMESPACE),
        'backup-type': req(BACKUP_TYPE),
        'backup-id': req(BACKUP_ID),
        'dry-run': opt(bool),
        'use-task': opt(bool),
        ...KEEP_PARAMS,
      },
      handler: pruneGroup,
    }),
    route(ctx, {
      method: 'post',
      path: '/admin/datastore/:store/prune-datastore',
      access: ANYBODY,
      params: { ...STORE, ns: opt(NAMESPACE), 'max-depth': opt(MAX_DEPTH), 'dry-run': opt(bool), ...KEEP_PARAMS },
      handler: pruneDatastore,
    }),
    route(ctx, {
      method: 'get',
      path: '/config/prune',
      access: ANYBODY,
      params: {},
      handler: (call) => ok(call.sim.jobs.listPrune().filter(visible(call)), { digest: call.sim.jobs.prune.digest() }),
    }),
    route(ctx, {
      method: 'post',
      path: '/config/prune',
      access: ANYBODY,
      params: { ...id, ...STORE, schedule: req(str()), ...PRUNE_JOB_FIELDS },
      handler: createJob,
    }),
    route(ctx, {
      method: 'get',
      path: '/config/prune/:id',
      access: ANYBODY,
      params: id,
      handler: (call) => {
        const job = call.sim.jobs.readPrune(call.params.id as string);
        may(call, P.DATASTORE_AUDIT)(job);
        return ok(job, { digest: call.sim.jobs.prune.digest() });
      },
    }),
    route(ctx, {
      method: 'put',
      path: '/config/prune/:id',
      access: ANYBODY,
      params: {
        ...id,
        store: opt(DATASTORE),
        schedule: opt(str()),
        ...PRUNE_JOB_FIELDS,
        delete: opt({ type: 'array', items: str({ enum: PRUNE_DELETABLE }) }),
        digest: opt(DIGEST),
      },
      handler: updateJob,
    }),
    route(ctx, {
      method: 'delete',
      path: '/config/prune/:id',
      access: ANYBODY,
      params: { ...id, digest: opt(DIGEST) },
      handler: (call) => {
        call.sim.jobs.deletePrune(
          call.params.id as string,
          call.params.digest as string | undefined,
          may(call, P.DATASTORE_MODIFY),
        );
        return ok(null);
      },
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/prune',
      access: ANYBODY,
      params: { store: opt(DATASTORE) },
      handler: (call) =>
        ok(call.sim.jobs.pruneStatus(call.params.store as string | undefined).filter(visible(call)), {
          digest: call.sim.jobs.prune.digest(),
        }),
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/prune/:id',
      access: ANYBODY,
      params: id,
      handler: () => ok([{ subdir: 'run' }]),
    }),
    route(ctx, {
      method: 'post',
      path: '/admin/prune/:id/run',
      access: ANYBODY,
      params: id,
      handler: (call) =>
        ok(call.sim.jobs.runPrune(call.params.id as string, call.authid, may(call, P.DATASTORE_MODIFY))),
    }),
  ];
}
