import type { ReactNode } from 'react';
import type { JobRow } from '@/features/jobs/job-rows';
import { datastoreAclPath, offerOf, syncRunOffer, type Offer } from '@/lib/access-rules';
import { useSession } from '../session';
import { usePathPrivileges } from '../use-can';

const REFUSED: Offer = { offered: false, reason: 'Sync jobs are changed in PBS itself' };

/**
 * What PBS lets the user do with a job, asked on the job's own ACL path: GC on the datastore
 * (start_garbage_collection, update_datastore), verify and prune jobs on their datastore or namespace
 * (config/verify.rs, admin/verify.rs: Datastore.Verify; config/prune.rs, admin/prune.rs: Datastore.Modify),
 * sync jobs by check_sync_job_modify_access.
 */
export function useJobAccess(row: JobRow): { run: Offer; edit: Offer } {
  const authId = useSession()?.username ?? '';
  const path = row.kind === 'gc' ? datastoreAclPath(row.store) : datastoreAclPath(row.store, row.ns);
  const { privs } = usePathPrivileges(path);
  const input = { privs, path, authId };
  switch (row.kind) {
    case 'gc': {
      const modify = offerOf('datastoreModify', input);
      return { run: modify, edit: modify };
    }
    case 'verify': {
      const verify = offerOf('verifyJob', input);
      return { run: verify, edit: verify };
    }
    case 'prune': {
      const prune = offerOf('pruneJob', input);
      return { run: prune, edit: prune };
    }
    case 'sync':
      return {
        run: syncRunOffer(privs, path, authId, {
          ...(row.owner ? { owner: row.owner } : {}),
          ...(row.removeVanished ? { removeVanished: true } : {}),
        }),
        edit: REFUSED,
      };
  }
}

/** The row's run button, where PBS would start the job for this user. */
export function JobRunGate({ row, children }: { row: JobRow; children: ReactNode }) {
  return useJobAccess(row).run.offered ? children : null;
}
