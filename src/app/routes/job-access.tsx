import { useQueries, useQuery } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import type { ReactNode } from 'react';
import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import { privilegesAt } from '@/api/queries/privileges-at';
import { RefusedButton } from '@/components/ui/refused-button';
import { rowName, type JobRow } from '@/features/jobs/job-rows';
import {
  ACCESS_RULES,
  datastoreAclPath,
  offerOf,
  remoteAclPath,
  syncRunOffer,
  type Offer,
  type Privileges,
} from '@/lib/access-rules';
import { appQueries } from '../queries';
import { useSession } from '../session';
import { readableItems } from '@/lib/item-error';

const REFUSED: Offer = { offered: false, reason: 'Sync jobs are changed in PBS itself' };

/** What the access check of a job reads: its kind and where it works (and pulls from). */
export type JobTarget = Pick<JobRow, 'kind' | 'store' | 'ns' | 'owner' | 'removeVanished' | 'remote' | 'remoteStore'>;

export interface JobAccess {
  /** run now */
  run: Offer;
  /** edit and remove */
  edit: Offer;
}

/** The ACL path PBS checks a job on: GC on its datastore, the others on their datastore or namespace (acl_path()). */
function jobPath(row: JobTarget): string {
  return row.kind === 'gc' ? datastoreAclPath(row.store) : datastoreAclPath(row.store, row.ns);
}

function pathsOf(row: JobTarget): string[] {
  const paths = [jobPath(row)];
  if (row.kind === 'sync' && row.remote) paths.push(remoteAclPath(row.remote, row.remoteStore ?? ''));
  return paths;
}

/**
 * What PBS lets the user do with a job: GC on the datastore (start_garbage_collection, update_datastore), verify and
 * prune jobs on their own datastore or namespace path (config/verify.rs, admin/verify.rs: Datastore.Verify;
 * config/prune.rs, admin/prune.rs: Datastore.Modify), sync jobs by check_sync_job_modify_access.
 */
export function jobAccessOf(row: JobTarget, privsAt: (path: string) => Privileges, authId: string): JobAccess {
  const path = jobPath(row);
  const input = { privs: privsAt(path), path, authId };
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
    case 'sync': {
      const job = {
        ...(row.owner ? { owner: row.owner } : {}),
        ...(row.removeVanished ? { removeVanished: true } : {}),
        ...(row.remote ? { remote: row.remote, remoteStore: row.remoteStore ?? '' } : {}),
      };
      const remote = row.remote ? privsAt(remoteAclPath(row.remote, row.remoteStore ?? '')) : undefined;
      return { run: syncRunOffer(input.privs, path, authId, job, remote), edit: REFUSED };
    }
  }
}

/** The user's privileges on each path, asked of PBS once per path and session; `known` once all have answered. */
function usePrivilegesAt(paths: readonly string[]) {
  const user = useSession()?.username ?? '';
  const unique = [...new Set(paths)];
  const answers = useQueries({
    queries: unique.map((path) => ({ ...appQueries.permissions(user, path), enabled: user !== '' })),
  });
  const byPath = new Map(unique.map((path, i) => [path, answers[i]?.data]));
  const known = user !== '' && answers.every((a) => a.isSuccess);
  return { user, known, privsAt: (path: string) => privilegesAt(byPath.get(path), path) };
}

/** The access of each of `rows` (and of any job on the same paths), each path asked once. */
export function useJobsAccess(rows: readonly JobTarget[]): { known: boolean; of: (row: JobTarget) => JobAccess } {
  const { user, known, privsAt } = usePrivilegesAt(rows.flatMap(pathsOf));
  return { known, of: (row) => jobAccessOf(row, privsAt, user) };
}

export function useJobAccess(row: JobTarget): JobAccess & { known: boolean } {
  const { known, of } = useJobsAccess([row]);
  return { known, ...of(row) };
}

/** The row's run button where PBS would start the job for this user, else the button disabled with the reason. */
export function JobRunGate({ row, children }: { row: JobRow; children: ReactNode }) {
  const { known, run } = useJobAccess(row);
  if (!known) return null;
  if (run.offered) return children;
  return (
    <RefusedButton size="sm" aria-label={`Run ${rowName(row)} now`} reason={run.reason}>
      <Play aria-hidden className="size-3.5" /> Run now
    </RefusedButton>
  );
}

export interface AddTargets {
  /** false until PBS has answered */
  known: boolean;
  /** whether the user may add such a job anywhere the page covers, and if not, why */
  offer: Offer;
  /** the datastores where the user may add one, on the datastore or on one of its namespaces */
  stores: string[];
}

type JobAddAction = 'verifyJob' | 'pruneJob';

/**
 * Where the user may add a verify or prune job (create_verification_job, create_prune_job: the new job's own path):
 * on `store`, or on any datastore without it. A datastore counts when PBS grants the privilege on it, or on a
 * namespace of it. The datastores' own paths are asked one by one; namespaces granted on their own path appear in
 * PBS's list of every ACL path (a namespace that only inherits its privilege inherits it from its datastore, or from
 * a namespace above it that has an ACL entry, so the two together miss none).
 */
export function useAddTargets(action: JobAddAction, store?: string): AddTargets {
  const user = useSession()?.username ?? '';
  const list = useQuery({
    ...datastoreQueries.list(defaultServer),
    select: readableItems,
    enabled: store === undefined,
  });
  const stores = store !== undefined ? [store] : (list.data ?? []).map((s) => s.store);
  const perStore = usePrivilegesAt(stores.map((s) => datastoreAclPath(s)));
  const everywhere = useQuery({ ...appQueries.permissions(user), enabled: user !== '' });
  const mayOn = (s: string) => {
    const path = datastoreAclPath(s);
    if (offerOf(action, { privs: perStore.privsAt(path), path, authId: user }).offered) return true;
    return Object.entries(everywhere.data ?? {}).some(
      ([nsPath, privs]) =>
        nsPath.startsWith(`${path}/`) &&
        offerOf(action, { privs: new Set(Object.keys(privs)), path: nsPath, authId: user }).offered,
    );
  };
  const allowed = stores.filter(mayOn);
  const known = (store !== undefined || list.isSuccess) && perStore.known && everywhere.isSuccess;
  const where =
    store !== undefined ? `${datastoreAclPath(store)} or one of its namespaces` : 'a datastore or namespace';
  const offer: Offer =
    allowed.length > 0
      ? { offered: true }
      : { offered: false, reason: `Needs ${ACCESS_RULES[action].full.join(' or ')} on ${where}` };
  return { known, offer, stores: allowed };
}
