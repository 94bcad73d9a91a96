// Who may read or stop which task (src/api2/node/tasks.rs): the owner (and its user, for token tasks), holders of
// Sys.Audit on /system/tasks, and whoever could run the job the task belongs to.
import type { AuthModel } from '../sim/auth/auth-model';
import { isToken, userOf } from '../sim/auth/acl';
import { PRIV } from '../sim/auth/privileges';
import type { UpidFields } from './upid';

const JOB_STORE = /^([A-Za-z0-9_][A-Za-z0-9._-]*):/;

function mayRunJob(auth: AuthModel, authid: string, upid: UpidFields): boolean {
  const id = upid.workerId;
  if (id === null) return false;
  switch (upid.workerType) {
    case 'verificationjob': {
      const store = JOB_STORE.exec(id)?.[1];
      return !!store && auth.hasPrivs(authid, `/datastore/${store}`, PRIV.DATASTORE_VERIFY, true);
    }
    case 'garbage_collection':
      return auth.hasPrivs(authid, `/datastore/${id}`, PRIV.DATASTORE_MODIFY, true);
    case 'prune':
    case 'prunejob': {
      const parts = id.split(':');
      if (parts.length < 1 || parts.length > 3) return false;
      const path = ['datastore', ...parts.slice(0, 2)].filter((p) => p !== '');
      return auth.hasPrivs(authid, path, PRIV.DATASTORE_MODIFY, true);
    }
    default:
      return false;
  }
}

export function mayAccessTask(auth: AuthModel, authid: string, upid: UpidFields): boolean {
  if (upid.authid === authid || (isToken(upid.authid) && userOf(upid.authid) === authid)) return true;
  if (auth.hasPrivs(authid, '/system/tasks', PRIV.SYS_AUDIT)) return true;
  return mayRunJob(auth, authid, upid);
}

export function checkTaskAccess(auth: AuthModel, authid: string, upid: UpidFields): void {
  if (!mayAccessTask(auth, authid, upid)) throw new Error('task access not allowed');
}
