/*
 * What PBS requires for each datastore action, read from its handlers (src/api2/admin/datastore.rs,
 * namespace.rs, verify.rs, prune.rs, sync.rs and config/*.rs). Each rule names the privileges that allow
 * the action on any group ("full") and, where PBS has one, the privileges that allow it on the user's own
 * groups only ("as owner"). The UI offers an action only when a rule allows it, and says which rule
 * failed when it does not.
 */

export type Privileges = ReadonlySet<string>;

export { datastoreAclPath } from './acl-path';

/** The namespace one level up ('' for the root and its direct children). */
export function parentNamespace(ns: string): string {
  const cut = ns.lastIndexOf('/');
  return cut < 0 ? '' : ns.slice(0, cut);
}

const tokenUser = (authId: string) => authId.split('!')[0] ?? authId;
const isToken = (authId: string) => authId.includes('!');

/**
 * PBS's check_backup_owner: the group is the caller's when its owner is the caller, or when its owner
 * is a token of the caller (a token does not own what its user owns).
 */
export function ownsBackup(authId: string, owner: string | undefined): boolean {
  if (!owner || !authId) return false;
  return owner === authId || (isToken(owner) && tokenUser(owner) === authId);
}

export interface AccessRule {
  /** any one of these allows the action on every group */
  full: readonly string[];
  /** any one of these allows it on the caller's own groups only */
  asOwner?: readonly string[];
  /** the thing owned, for the sentence: "ownership of the group" */
  owned?: string;
  /** true: the privileges are checked on the parent namespace (namespace create/delete) */
  onParent?: boolean;
}

const MODIFY = 'Datastore.Modify';
const BACKUP = 'Datastore.Backup';
const PRUNE = 'Datastore.Prune';
const READ = 'Datastore.Read';
const VERIFY = 'Datastore.Verify';
const AUDIT = 'Datastore.Audit';
const REMOTE_READ = 'Remote.Read';

/** One rule per action; the comment names the PBS handler it follows. */
export const ACCESS_RULES = {
  /** delete_snapshot */
  forgetSnapshot: { full: [MODIFY], asOwner: [PRUNE], owned: 'the group' },
  /** delete_group */
  forgetGroup: { full: [MODIFY], asOwner: [PRUNE], owned: 'the group' },
  /** prune (one group) */
  pruneGroup: { full: [MODIFY], asOwner: [PRUNE], owned: 'the group' },
  /** prune_datastore: either privilege on the namespace; PBS then prunes only what the caller may */
  pruneNamespace: { full: [MODIFY, PRUNE] },
  /** set_protection */
  protect: { full: [MODIFY], asOwner: [BACKUP], owned: 'the group' },
  /** set_notes */
  snapshotNotes: { full: [MODIFY], asOwner: [BACKUP], owned: 'the group' },
  /** set_group_notes */
  groupNotes: { full: [MODIFY], asOwner: [BACKUP], owned: 'the group' },
  /** set_backup_owner; as owner only between the user and the user's own tokens */
  changeOwner: { full: [MODIFY], asOwner: [BACKUP], owned: 'the group' },
  /** verify with a group or snapshot */
  verifyGroup: { full: [VERIFY], asOwner: [BACKUP], owned: 'the group' },
  /** verify of a whole namespace: with Datastore.Backup only the caller's own groups are verified */
  verifyNamespace: { full: [VERIFY, BACKUP] },
  /** download_file, download_file_decoded, pxar_file_download, catalog; PVE's restore reads the same way */
  download: { full: [READ], asOwner: [BACKUP], owned: 'the group' },
  /** list_snapshot_files */
  listFiles: { full: [AUDIT, READ], asOwner: [BACKUP], owned: 'the group' },
  /** create_namespace: check_ns_modification_privs on the new namespace's parent, the one in view */
  createNamespace: { full: [MODIFY] },
  /** delete_namespace: check_ns_modification_privs on the parent of the deleted namespace */
  deleteNamespace: { full: [MODIFY], onParent: true },
  /** start_garbage_collection, update_datastore (gc-schedule): on /datastore/<store> */
  datastoreModify: { full: [MODIFY] },
  /** create/update/delete_verification_job, run_verification_job: on the job's datastore or namespace */
  verifyJob: { full: [VERIFY] },
  /** create/update/delete_prune_job, run_prune_job: on the job's datastore or namespace */
  pruneJob: { full: [MODIFY] },
} as const satisfies Record<string, AccessRule>;

export type AccessAction = keyof typeof ACCESS_RULES;

export type Offer = { offered: true } | { offered: false; reason: string };

const either = (names: readonly string[]) => names.join(' or ');

/** "Needs Datastore.Modify on /datastore/s/a, or Datastore.Prune and ownership of the group". */
export function requirement(rule: AccessRule, path: string): string {
  const base = `Needs ${either(rule.full)} on ${path}`;
  if (!rule.asOwner) return base;
  return `${base}, or ${either(rule.asOwner)} there and ownership of ${rule.owned ?? 'the group'}`;
}

export interface OfferInput {
  /** the privileges the caller holds on `path` */
  privs: Privileges;
  /** the ACL path the privileges hold on (for a rule checked on the parent: the parent's path) */
  path: string;
  authId: string;
  /** the group's owner, for rules with an owner alternative */
  owner?: string;
}

/** Whether PBS would accept the action, and if not, the sentence that says what is missing. */
export function offerOf(action: AccessAction, input: OfferInput): Offer {
  const rule: AccessRule = ACCESS_RULES[action];
  const has = (names: readonly string[] | undefined) => (names ?? []).some((p) => input.privs.has(p));
  if (has(rule.full)) return { offered: true };
  if (rule.asOwner && has(rule.asOwner) && ownsBackup(input.authId, input.owner)) {
    // a token may not hand its groups on; a user only between itself and its tokens (the dialog's choice)
    if (action !== 'changeOwner' || !isToken(input.authId)) return { offered: true };
  }
  return { offered: false, reason: requirement(rule, input.path) };
}

/**
 * set_backup_owner's new owner: with Datastore.Modify anyone; as the owner with Datastore.Backup only between the
 * user and the user's own tokens (PBS answers 401 otherwise).
 */
export function newOwnerOffer(input: OfferInput, newOwner: string): Offer {
  if (input.privs.has(MODIFY)) return { offered: true };
  const user = tokenUser(input.authId);
  if (tokenUser(newOwner) === user) return { offered: true };
  return {
    offered: false,
    reason: `Handing the group to someone else needs ${MODIFY} on ${input.path}; you may hand it to ${user} or its API tokens`,
  };
}

/** The ACL path PBS checks Remote.Read on for a pull from `remote`'s datastore: `/remote/<remote>/<store>`. */
export function remoteAclPath(remote: string, remoteStore: string): string {
  return `/remote/${remote}/${remoteStore}`;
}

export interface SyncJobAccess {
  owner?: string;
  removeVanished?: boolean;
  /** the remote it pulls from; absent for a pull from a local datastore */
  remote?: string;
  remoteStore?: string;
}

/**
 * PBS's check_sync_job_modify_access, which run_sync_job asks: Datastore.Backup on the job's path, Datastore.Prune
 * when it removes vanished snapshots, Datastore.Modify unless the job's owner is the caller (or the caller's token;
 * with no owner set only root@pam), and for a pull from a remote Remote.Read on `/remote/<remote>/<remote-store>`
 * (`remotePrivs`: the caller's privileges there).
 */
export function syncRunOffer(
  privs: Privileges,
  path: string,
  authId: string,
  job: SyncJobAccess,
  remotePrivs: Privileges = new Set(),
): Offer {
  const missing: string[] = [];
  if (!privs.has(BACKUP)) missing.push(BACKUP);
  if (job.removeVanished && !privs.has(PRUNE)) missing.push(`${PRUNE} (it removes vanished snapshots)`);
  const owns = job.owner ? ownsBackup(authId, job.owner) : authId === 'root@pam';
  if (!owns && !privs.has(MODIFY)) missing.push(`${MODIFY} (the job's owner is someone else)`);
  const needs = missing.length > 0 ? [`${missing.join(', ')} on ${path}`] : [];
  if (job.remote) {
    const remotePath = remoteAclPath(job.remote, job.remoteStore ?? '');
    if (!remotePrivs.has(REMOTE_READ)) needs.push(`${REMOTE_READ} on ${remotePath}`);
  }
  return needs.length === 0 ? { offered: true } : { offered: false, reason: `Needs ${needs.join(', and ')}` };
}
