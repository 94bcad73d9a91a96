// PBS's privilege bits and built-in roles (pbs-api-types acl.rs). The order of PRIVILEGES is PBS's own: error
// texts like "missing Datastore.Audit|Datastore.Backup" list names in this order.

export const PRIVILEGES = [
  'Sys.Audit',
  'Sys.Modify',
  'Sys.PowerManagement',
  'Datastore.Audit',
  'Datastore.Allocate',
  'Datastore.Modify',
  'Datastore.Read',
  'Datastore.Verify',
  'Datastore.Backup',
  'Datastore.Prune',
  'Permissions.Modify',
  'Remote.Audit',
  'Remote.Modify',
  'Remote.Read',
  'Sys.Console',
  'Tape.Audit',
  'Tape.Modify',
  'Tape.Write',
  'Tape.Read',
  'Realm.Allocate',
] as const;

export type PrivName = (typeof PRIVILEGES)[number];

const bit = (name: PrivName): number => 1 << PRIVILEGES.indexOf(name);

export const PRIV = {
  SYS_AUDIT: bit('Sys.Audit'),
  SYS_MODIFY: bit('Sys.Modify'),
  SYS_POWER_MANAGEMENT: bit('Sys.PowerManagement'),
  DATASTORE_AUDIT: bit('Datastore.Audit'),
  DATASTORE_ALLOCATE: bit('Datastore.Allocate'),
  DATASTORE_MODIFY: bit('Datastore.Modify'),
  DATASTORE_READ: bit('Datastore.Read'),
  DATASTORE_VERIFY: bit('Datastore.Verify'),
  DATASTORE_BACKUP: bit('Datastore.Backup'),
  DATASTORE_PRUNE: bit('Datastore.Prune'),
  PERMISSIONS_MODIFY: bit('Permissions.Modify'),
  REMOTE_AUDIT: bit('Remote.Audit'),
  REMOTE_MODIFY: bit('Remote.Modify'),
  REMOTE_READ: bit('Remote.Read'),
  SYS_CONSOLE: bit('Sys.Console'),
  TAPE_AUDIT: bit('Tape.Audit'),
  TAPE_MODIFY: bit('Tape.Modify'),
  TAPE_WRITE: bit('Tape.Write'),
  TAPE_READ: bit('Tape.Read'),
  REALM_ALLOCATE: bit('Realm.Allocate'),
} as const;

/** Every privilege: what Admin (and root@pam, whatever its ACL) holds. */
export const ALL_PRIVS = (1 << PRIVILEGES.length) - 1;

/** PBS's "any privilege that lets one see a namespace" (NS_PRIVS_OK). */
export const NS_PRIVS_OK = PRIV.DATASTORE_MODIFY | PRIV.DATASTORE_READ | PRIV.DATASTORE_BACKUP | PRIV.DATASTORE_AUDIT;

export const ROLES: Record<string, number> = {
  Admin: ALL_PRIVS,
  Audit: PRIV.SYS_AUDIT | PRIV.DATASTORE_AUDIT,
  NoAccess: 0,
  DatastoreAdmin:
    PRIV.DATASTORE_AUDIT |
    PRIV.DATASTORE_MODIFY |
    PRIV.DATASTORE_READ |
    PRIV.DATASTORE_VERIFY |
    PRIV.DATASTORE_BACKUP |
    PRIV.DATASTORE_PRUNE,
  DatastoreReader: PRIV.DATASTORE_AUDIT | PRIV.DATASTORE_VERIFY | PRIV.DATASTORE_READ,
  DatastoreBackup: PRIV.DATASTORE_BACKUP,
  DatastorePowerUser: PRIV.DATASTORE_PRUNE | PRIV.DATASTORE_BACKUP,
  DatastoreAudit: PRIV.DATASTORE_AUDIT,
  RemoteAudit: PRIV.REMOTE_AUDIT,
  RemoteAdmin: PRIV.REMOTE_AUDIT | PRIV.REMOTE_MODIFY | PRIV.REMOTE_READ,
  RemoteSyncOperator: PRIV.REMOTE_AUDIT | PRIV.REMOTE_READ,
  TapeAudit: PRIV.TAPE_AUDIT,
  TapeAdmin: PRIV.TAPE_AUDIT | PRIV.TAPE_MODIFY | PRIV.TAPE_READ | PRIV.TAPE_WRITE,
  TapeOperator: PRIV.TAPE_AUDIT | PRIV.TAPE_READ | PRIV.TAPE_WRITE,
  TapeReader: PRIV.TAPE_AUDIT | PRIV.TAPE_READ,
};

export function privNames(mask: number): PrivName[] {
  return PRIVILEGES.filter((name) => (mask & bit(name)) !== 0);
}

/** Splits an ACL path the way PBS does: "/datastore/a/b" → ["datastore", "a", "b"]; "/" → []. */
export function splitAclPath(path: string): string[] {
  return path.split('/').filter((c) => c !== '');
}
