import http from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A stand-in PBS on loopback that answers in PBS's shapes but with what the simulator never sends:
 * absent fields, nulls, extra keys, estimated-full-date 0 / in the past / missing, a running GC, an
 * unparseable UPID. The deck server proxies to it through PBS_URL (http is allowed on loopback).
 */
const now = () => Math.floor(Date.now() / 1000);
const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
const gcUpid = () => `UPID:pbs-odd:00001234:0000ABCD:00000001:${hex(now() - 120)}:garbage_collection:tank:root@pam:`;
const doneGcUpid = () =>
  `UPID:pbs-odd:00001234:0000ABCD:00000000:${hex(now() - 86400)}:garbage_collection:grows:root@pam:`;
// PBS reports zeros and upid null until the first GC.
const gcStatus = (upid: string | null) => ({
  upid,
  'index-file-count': upid ? 10 : 0,
  'index-data-bytes': upid ? 10 * 2 ** 40 : 0,
  'disk-bytes': upid ? 2 * 2 ** 40 : 0,
  'disk-chunks': upid ? 500_000 : 0,
  'removed-bytes': 0,
  'removed-chunks': 0,
  'pending-bytes': 0,
  'pending-chunks': 0,
  'removed-bad': 0,
  'still-bad': 0,
  'some-future-counter': 7,
});

const routes: Record<string, () => unknown> = {
  '/access/domains': () => [
    { realm: 'pam', comment: null, type: 'pam', default: true },
    { realm: 'pbs', type: 'pbs' },
  ],
  '/access/permissions': () => ({ '/': { 'Sys.Audit': true, 'Datastore.Audit': true, 'Datastore.Modify': true } }),
  '/version': () => ({ version: '4.9', release: '0', repoid: '0'.repeat(40), 'new-field': 'x' }),
  '/nodes/localhost/time': () => ({ timezone: 'UTC', time: now(), localtime: now() }),
  '/nodes/localhost/subscription': () => ({ status: 'notfound', message: null, url: null }),
  '/nodes/localhost/status': () => ({
    memory: { total: 8 * 2 ** 30, used: 2 ** 30, free: 7 * 2 ** 30 },
    uptime: 100,
    cpu: 0.1,
  }),
  '/admin/datastore': () => [
    { store: 'grows', comment: null, 'mount-status': 'nonremovable', 'backend-type': 'filesystem' },
    { store: 'flat', comment: null },
    { store: 'shrinks', comment: 'past date', 'extra-key': true },
    { store: 'young', comment: null },
    { store: 'tank', comment: null },
    { store: 'broken', comment: null },
  ],
  '/status/datastore-usage': () => {
    const base = {
      total: 4 * 2 ** 40,
      used: 2 ** 40,
      avail: 3 * 2 ** 40,
      history: [null, 0.2, null, 0.25],
      'history-start': now() - 7200,
      'history-delta': 1800,
    };
    return [
      { store: 'grows', ...base, 'estimated-full-date': now() + 90 * 86400, 'gc-status': gcStatus(doneGcUpid()) },
      { store: 'flat', ...base, 'estimated-full-date': 0 },
      {
        store: 'shrinks',
        ...base,
        'estimated-full-date': now() - 86400,
        'gc-status': gcStatus(null),
        'extra-key': [1, 2],
      },
      { store: 'young', total: 2 ** 40, used: 0, avail: 2 ** 40, history: [] },
      { store: 'tank', ...base, 'gc-status': gcStatus(gcUpid()) },
      {
        store: 'broken',
        error: 'unable to open chunk store at "/mnt/broken/.chunks" - No such file or directory (os error 2)',
      },
    ];
  },
  '/admin/gc': () => [{ store: 'tank', ...gcStatus(gcUpid()), schedule: 'daily' }],
  '/admin/verify': () => [],
  '/nodes/localhost/tasks': () => [
    {
      upid: gcUpid(),
      node: 'localhost',
      pid: 4660,
      pstart: 43981,
      starttime: now() - 120,
      worker_type: 'garbage_collection',
      worker_id: 'tank',
      user: 'root@pam',
    },
    {
      upid: 'UPID:redacted',
      node: 'localhost',
      pid: 1,
      pstart: 1,
      starttime: now() - 600,
      endtime: now() - 500,
      worker_type: 'backup',
      worker_id: null,
      user: 'root@pam',
      status: 'something odd happened',
    },
  ],
};

export async function startOddPbs(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/api2\/json/, '');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (req.method === 'POST' && path === '/access/ticket') {
      return json(200, {
        data: {
          username: 'root@pam',
          ticket: `PBS:root@pam:${hex(now())}::c2lnbmF0dXJl`,
          CSRFPreventionToken: `${hex(now())}:c2ln`,
        },
      });
    }
    const status = /^\/admin\/datastore\/([^/]+)\/status$/.exec(path);
    if (status)
      return json(200, {
        data: { total: 4 * 2 ** 40, used: 2 ** 40, avail: 3 * 2 ** 40, counts: { vm: { groups: 2, snapshots: 9 } } },
      });
    const route = routes[path];
    if (req.method === 'GET' && route) return json(200, { data: route(), total: 2 });
    return json(404, `Path '${url.pathname}' not found.`);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
