// /nodes/{node}/tasks: list, status, log, abort.
import type { HttpHandler } from 'msw';
import { PRIV } from '../sim/auth/privileges';
import type { TaskListQuery } from '../sim/simulator';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import { checkPrivs } from './ns-privs';
import { httpDate, ok } from './respond';
import { route, type ApiCall } from './route';
import { DATASTORE, NODE, UPID, bool, int, opt, req, str } from './schemas';
import { checkTaskAccess, mayAccessTask } from './task-access';
import { parseUpidFields, type UpidFields } from './upid';

const node = { node: req(NODE) };
const upidParams = { ...node, upid: req(UPID) };
const STATES = ['ok', 'warning', 'error', 'unknown'] as const;

function upidOf(call: ApiCall): UpidFields & { upid: string } {
  const upid = call.params.upid as string;
  const fields = parseUpidFields(upid);
  if (!fields) throw new Error('unable to parse UPID');
  checkTaskAccess(call.auth, call.authid, fields);
  return { ...fields, upid };
}

function listTasks({ params, sim, auth, authid }: ApiCall) {
  const start = (params.start as number | undefined) ?? 0;
  const limit = (params.limit as number | undefined) ?? 50;
  const query: TaskListQuery = {
    running: params.running as boolean | undefined,
    errors: params.errors as boolean | undefined,
    userfilter: params.userfilter as string | undefined,
    since: params.since as number | undefined,
    until: params.until as number | undefined,
    typefilter: params.typefilter as string | undefined,
    statusfilter: params.statusfilter as TaskListQuery['statusfilter'],
    store: params.store as string | undefined,
  };
  if (auth.hasPrivs(authid, '/system/tasks', PRIV.SYS_AUDIT)) {
    const { data, total } = sim.listTasks({ ...query, start, limit });
    return ok(data, { total });
  }
  // others see their own tasks and the jobs they could run; PBS filters before it pages
  const visible = sim.listTasks({ ...query, start: 0, limit: 0 }).data.filter((row) => {
    const fields = parseUpidFields(row.upid);
    return fields !== null && mayAccessTask(auth, authid, fields);
  });
  const page = visible.slice(start, limit > 0 ? start + limit : undefined);
  const total = page.length + start + (page.length > 0 && limit > 0 && page.length >= limit ? 1 : 0);
  return ok(page, { total });
}

export function taskHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'get',
      path: '/nodes/:node/tasks',
      access: ANYBODY,
      params: {
        ...node,
        start: opt(int(0)),
        limit: opt(int(0)),
        store: opt(DATASTORE),
        running: opt(bool),
        errors: opt(bool),
        userfilter: opt(str()),
        since: opt(int()),
        until: opt(int()),
        typefilter: opt(str()),
        statusfilter: opt({ type: 'array', items: str({ enum: STATES }) }),
      },
      handler: listTasks,
    }),
    route(ctx, {
      method: 'get',
      path: '/nodes/:node/tasks/:upid',
      access: ANYBODY,
      params: upidParams,
      handler: () => ok([{ subdir: 'log' }, { subdir: 'status' }]),
    }),
    route(ctx, {
      method: 'get',
      path: '/nodes/:node/tasks/:upid/status',
      access: ANYBODY,
      params: upidParams,
      handler: (call) => ok(call.sim.taskStatus(upidOf(call).upid)),
    }),
    route(ctx, {
      method: 'get',
      path: '/nodes/:node/tasks/:upid/log',
      access: ANYBODY,
      params: {
        ...upidParams,
        start: opt(int(0)),
        limit: opt(int(0)),
        download: opt(bool),
        'test-status': opt(bool),
      },
      handler: (call) => {
        const { params, sim } = call;
        const { upid } = upidOf(call);
        if (params.download) {
          if (params.start !== undefined || params.limit !== undefined || params['test-status'] !== undefined) {
            throw new Error("Parameter 'download' cannot be used with other parameters");
          }
          const text =
            sim
              .taskLog(upid, 0, 0)
              .data.map((l) => l.t)
              .join('\n') + '\n';
          const f = parseUpidFields(upid)!;
          const started = new Date(parseInt(upid.split(':')[5]!, 16) * 1000).toISOString().replace('.000Z', 'Z');
          return new Response(text, {
            headers: {
              'Content-Type': 'text/plain',
              'Content-Disposition': `attachment; filename=task-${upid.split(':')[1]}-${f.workerType}-${started}.log`,
              Date: httpDate(sim.now()),
            },
          });
        }
        const page = sim.taskLog(
          upid,
          (params.start as number | undefined) ?? 0,
          (params.limit as number | undefined) ?? 50,
        );
        const body = {
          data: page.data,
          total: page.total,
          success: 1,
          ...(params['test-status'] ? { active: page.active } : {}),
        };
        return new Response(JSON.stringify(body), {
          headers: { 'Content-Type': 'application/json', Date: httpDate(sim.now()) },
        });
      },
    }),
    route(ctx, {
      method: 'delete',
      path: '/nodes/:node/tasks/:upid',
      access: ANYBODY,
      params: upidParams,
      handler: ({ params, sim, auth, authid }) => {
        const upid = params.upid as string;
        const fields = parseUpidFields(upid);
        if (!fields) throw new Error('unable to parse UPID');
        if (fields.authid !== authid) checkPrivs(auth, authid, '/system/tasks', PRIV.SYS_MODIFY);
        sim.abortTask(upid, authid);
        return ok(null);
      },
    }),
  ];
}
