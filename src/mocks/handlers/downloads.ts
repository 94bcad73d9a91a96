// GET /admin/datastore/{store}/download-decoded for the one file the simulator has real contents of: the manifest
// (index.json.blob), which PBS stores as pretty-printed JSON and which keeps the upload statistics of a backup.
import type { HttpHandler } from 'msw';
import { PRIV } from '../sim/auth/privileges';
import type { BackupType } from '../sim/simulator';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import { checkBackupOwner, checkNsPrivsFull } from './ns-privs';
import { httpDate } from './respond';
import { route } from './route';
import { BACKUP_ID, BACKUP_TIME, BACKUP_TYPE, DATASTORE, NAMESPACE, opt, req, str } from './schemas';

export function downloadHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/download-decoded',
      access: ANYBODY,
      params: {
        store: req(DATASTORE),
        ns: opt(NAMESPACE),
        'backup-type': req(BACKUP_TYPE),
        'backup-id': req(BACKUP_ID),
        'backup-time': req(BACKUP_TIME),
        'file-name': req(str({ pattern: /^[^/\\]+$/ })),
      },
      handler: ({ params, sim, auth, authid }) => {
        const store = params.store as string;
        const ns = params.ns as string | undefined;
        const type = params['backup-type'] as BackupType;
        const id = params['backup-id'] as string;
        if (checkNsPrivsFull(auth, authid, store, ns, PRIV.DATASTORE_READ, PRIV.DATASTORE_BACKUP)) {
          checkBackupOwner(sim.owner(store, ns, type, id), authid);
        }
        const file = params['file-name'] as string;
        const manifest = sim.snapshotManifest(store, ns, type, id, params['backup-time'] as number);
        if (file !== 'index.json.blob') {
          throw new Error(`cannot decode '${file}' - the simulator keeps no file contents besides the manifest`);
        }
        return new Response(JSON.stringify(manifest, null, 2), {
          headers: { 'Content-Type': 'application/octet-stream', Date: httpDate(sim.now()) },
        });
      },
    }),
  ];
}
