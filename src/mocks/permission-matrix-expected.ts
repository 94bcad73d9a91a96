// The permission matrix's expectations: what PBS answers each identity for each action, written by hand from PBS's
// code (the function named in each row), never from the simulator's own checks. Both halves read it: the API half
// (permission-matrix.test.ts) makes each call, the UI half (src/app/routes/permission-matrix-ui.test.tsx) checks
// that the console offers exactly the allowed ones.
import { ACTIONS, actionName } from './permission-matrix-actions';
import type { Cell, Row } from './permission-matrix-render';
import { IDENTITIES, type Identity } from './permission-matrix-setup';

export const OK = 'allowed';
export const NA = 'n/a';
// the texts PBS answers with, spelled out once
const ROUTER = [403, 'permission check failed'] as const;
const MODIFY_OR_PRUNE = [
  403,
  'permission check failed - missing Datastore.Modify|Datastore.Prune on /datastore/store1/lab',
] as const;
const MODIFY_OR_BACKUP = [
  403,
  'permission check failed - missing Datastore.Modify|Datastore.Backup on /datastore/store1/lab',
] as const;
const READ_OR_BACKUP = [
  403,
  'permission check failed - missing Datastore.Read|Datastore.Backup on /datastore/store1/lab',
] as const;
const MODIFY_PARENT = [403, 'permission check failed - missing Datastore.Modify on /datastore/store1/lab'] as const;
const NOT_OWNER_BACKUP = [400, 'backup owner check failed (backup@pbs != root@pam!pve)'] as const;
const NOT_OWNER_POWER = [400, 'backup owner check failed (power@pbs != root@pam!pve)'] as const;
const NO_VERIFY = [400, "missing permissions 'Datastore.Verify' on '/datastore/store1'"] as const;
const NO_MODIFY = [400, "missing permissions 'Datastore.Modify' on '/datastore/store1'"] as const;
const NO_SYNC = [400, 'permission check failed'] as const;
const NO_STOP = [400, "missing permissions 'Sys.Modify' on '/system/tasks'"] as const;

type Cells = readonly [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];
//                                     admin  auditor          reader           backup           power            dsadmin nested           token
const readRoot: Cells = [OK, READ_OR_BACKUP, OK, NOT_OWNER_BACKUP, NOT_OWNER_POWER, OK, READ_OR_BACKUP, READ_OR_BACKUP];
const editRoot: Cells = [
  OK,
  MODIFY_OR_BACKUP,
  MODIFY_OR_BACKUP,
  NOT_OWNER_BACKUP,
  NOT_OWNER_POWER,
  OK,
  MODIFY_OR_BACKUP,
  MODIFY_OR_BACKUP,
];
const removeRoot: Cells = [
  OK,
  MODIFY_OR_PRUNE,
  MODIFY_OR_PRUNE,
  MODIFY_OR_PRUNE,
  NOT_OWNER_POWER,
  OK,
  MODIFY_OR_PRUNE,
  MODIFY_OR_PRUNE,
];
const ownAllowed: Cells = [NA, NA, NA, OK, OK, NA, NA, NA];
const removeOwn: Cells = [NA, NA, NA, MODIFY_OR_PRUNE, OK, NA, NA, NA];
const namespace: Cells = [
  OK,
  MODIFY_PARENT,
  MODIFY_PARENT,
  MODIFY_PARENT,
  MODIFY_PARENT,
  OK,
  MODIFY_PARENT,
  MODIFY_PARENT,
];
const storeModify: Cells = [OK, ROUTER, ROUTER, ROUTER, ROUTER, OK, OK, ROUTER];
const verifyJob: Cells = [OK, NO_VERIFY, OK, NO_VERIFY, NO_VERIFY, OK, OK, NO_VERIFY];
const pruneJob: Cells = [OK, NO_MODIFY, NO_MODIFY, NO_MODIFY, NO_MODIFY, OK, OK, NO_MODIFY];

/** action → what PBS decides it with → one cell per identity, in IDENTITIES order */
const EXPECTED: Record<string, { pbs: string; cells: Cells }> = {
  "download (root's group)": {
    pbs: 'download_file → check_privs_and_load_store (Read, or Backup + check_backup_owner)',
    cells: readRoot,
  },
  'download (own group)': { pbs: 'download_file → check_privs_and_load_store', cells: ownAllowed },
  "download-decoded (root's group)": {
    pbs: 'download_file_decoded → check_privs_and_load_store (Read, or Backup + owner)',
    cells: readRoot,
  },
  'download-decoded (own group)': { pbs: 'download_file_decoded → check_privs_and_load_store', cells: ownAllowed },
  "pxar-file-download (root's group)": {
    pbs: 'pxar_file_download → check_privs_and_load_store (Read, or Backup + owner)',
    cells: readRoot,
  },
  'pxar-file-download (own group)': { pbs: 'pxar_file_download → check_privs_and_load_store', cells: ownAllowed },
  "snapshot notes (root's group)": {
    pbs: 'set_notes → check_privs_and_load_store (Modify, or Backup + owner)',
    cells: editRoot,
  },
  'snapshot notes (own group)': { pbs: 'set_notes → check_privs_and_load_store', cells: ownAllowed },
  "group notes (root's group)": {
    pbs: 'set_group_notes → check_privs_and_load_store (Modify, or Backup + owner)',
    cells: editRoot,
  },
  'group notes (own group)': { pbs: 'set_group_notes → check_privs_and_load_store', cells: ownAllowed },
  "protect snapshot (root's group)": {
    pbs: 'set_protection → check_privs_and_load_store (Modify, or Backup + owner)',
    cells: editRoot,
  },
  'protect snapshot (own group)': { pbs: 'set_protection → check_privs_and_load_store', cells: ownAllowed },
  "change group owner (root's group)": {
    pbs: 'set_backup_owner → check_ns_privs_full (Modify, or Backup and only between a user and its own tokens)',
    cells: [
      OK,
      MODIFY_OR_BACKUP,
      MODIFY_OR_BACKUP,
      [401, "backup@pbs does not have permission to change owner of backup group 'ct/912' to root@pam"],
      [401, "power@pbs does not have permission to change owner of backup group 'ct/912' to root@pam"],
      OK,
      MODIFY_OR_BACKUP,
      MODIFY_OR_BACKUP,
    ],
  },
  'change group owner (own group)': {
    pbs: 'set_backup_owner: user to user is never allowed without Modify',
    cells: [
      NA,
      NA,
      NA,
      [401, "backup@pbs does not have permission to change owner of backup group 'ct/910' to root@pam"],
      [401, "power@pbs does not have permission to change owner of backup group 'ct/911' to root@pam"],
      NA,
      NA,
      NA,
    ],
  },
  "forget snapshot (root's group)": {
    pbs: 'delete_snapshot → check_privs_and_load_store (Modify, or Prune + owner)',
    cells: removeRoot,
  },
  'forget snapshot (own group)': { pbs: 'delete_snapshot → check_privs_and_load_store', cells: removeOwn },
  "prune group (root's group)": {
    pbs: 'prune → check_privs_and_load_store (Modify, or Prune + owner)',
    cells: removeRoot,
  },
  'prune group (own group)': { pbs: 'prune → check_privs_and_load_store', cells: removeOwn },
  "forget group (root's group)": {
    pbs: 'delete_group → check_privs_and_load_store (Modify, or Prune + owner)',
    cells: removeRoot,
  },
  'forget group (own group)': { pbs: 'delete_group → check_privs_and_load_store', cells: removeOwn },
  'create namespace': {
    pbs: 'create_namespace → check_ns_modification_privs (Modify on the parent)',
    cells: namespace,
  },
  'delete namespace': {
    pbs: 'delete_namespace → check_ns_modification_privs (Modify on the parent)',
    cells: namespace,
  },
  'start GC': {
    pbs: 'start_garbage_collection: router privilege Datastore.Modify on /datastore/{store}',
    cells: storeModify,
  },
  'edit GC schedule': {
    pbs: 'update_datastore: router privilege Datastore.Modify on /datastore/{name}',
    cells: storeModify,
  },
  'run verify job': { pbs: "run_verification_job → check_privs (Verify on the job's path)", cells: verifyJob },
  'add verify job': { pbs: "create_verification_job → check_privs (Verify on the job's path)", cells: verifyJob },
  'edit verify job': { pbs: "update_verification_job → check_privs (Verify on the job's path)", cells: verifyJob },
  'remove verify job': { pbs: "delete_verification_job → check_privs (Verify on the job's path)", cells: verifyJob },
  'run prune job': { pbs: "run_prune_job → check_privs (Modify on the job's path)", cells: pruneJob },
  'add prune job': { pbs: "create_prune_job → check_privs (Modify on the job's path)", cells: pruneJob },
  'edit prune job': { pbs: "update_prune_job → check_privs (Modify on the job's path)", cells: pruneJob },
  'remove prune job': { pbs: "delete_prune_job → check_privs (Modify on the job's path)", cells: pruneJob },
  'run sync job': {
    pbs: 'run_sync_job → check_sync_job_modify_access (Backup on the target, owner or Modify, Remote.Read)',
    cells: [OK, NO_SYNC, NO_SYNC, NO_SYNC, NO_SYNC, NO_SYNC, NO_SYNC, NO_SYNC],
  },
  'stop own task': {
    pbs: 'stop_task: the task’s own auth id may always stop it',
    cells: [OK, OK, OK, OK, OK, OK, OK, OK],
  },
  "stop root@pam's task": {
    pbs: 'stop_task → check_privs (Sys.Modify on /system/tasks)',
    cells: [OK, NO_STOP, NO_STOP, NO_STOP, NO_STOP, NO_STOP, NO_STOP, NO_STOP],
  },
};

export const ROWS: Row[] = ACTIONS.map((a) => {
  const name = actionName(a);
  const e = EXPECTED[name];
  if (!e) throw new Error(`no expectation for ${name}`);
  return { name, pbs: e.pbs, cells: [...e.cells] };
});

/** Whether the console offers an action: 'n/a' where the identity owns no group. */
export type Offered = boolean | 'n/a';

/**
 * Known console bugs: cells where the console does not offer exactly what PBS allows (row name → identities, with
 * why). The UI half expects these cells flipped, so fixing one fails the test until it is removed here; the doc
 * shows what the console really does.
 */
export const UI_MISMATCHES: Record<string, { who: readonly Identity[]; why: string }> = {};

/** What the console should offer an identity in one row: what PBS allows, flipped for a known mismatch. */
export function uiOffered(row: Row, id: Identity): Offered {
  const cell = row.cells[IDENTITIES.indexOf(id)];
  if (cell === NA) return 'n/a';
  const flipped = UI_MISMATCHES[row.name]?.who.includes(id) ?? false;
  return (cell === OK) !== flipped;
}

/** Every row's expected console offer for a user identity. */
export function uiExpected(id: Identity): Record<string, Offered> {
  return Object.fromEntries(ROWS.map((r) => [r.name, uiOffered(r, id)]));
}
