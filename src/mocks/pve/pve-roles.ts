// Proxmox VE's privileges and built-in roles (pve-access-control PVE/AccessControl.pm, $privgroups and
// create_roles): each group's admin, user and audit privileges make PVE<Group>Admin, PVE<Group>User, PVEAdmin and
// PVEAuditor; Administrator holds every privilege, NoAccess none.
interface PrivGroup {
  root: string[];
  admin: string[];
  user: string[];
  audit: string[];
}

const PRIV_GROUPS: Record<string, PrivGroup> = {
  VM: {
    root: [],
    admin: [
      'VM.Config.Disk',
      'VM.Config.CPU',
      'VM.Config.Memory',
      'VM.Config.Network',
      'VM.Config.HWType',
      'VM.Config.Options',
      'VM.Allocate',
      'VM.Clone',
      'VM.GuestAgent.Unrestricted',
      'VM.Migrate',
      'VM.Replicate',
      'VM.Snapshot',
      'VM.Snapshot.Rollback',
    ],
    user: [
      'VM.Config.CDROM',
      'VM.Config.Cloudinit',
      'VM.Console',
      'VM.Backup',
      'VM.GuestAgent.FileRead',
      'VM.GuestAgent.FileSystemMgmt',
      'VM.GuestAgent.FileWrite',
      'VM.PowerMgmt',
    ],
    audit: ['VM.Audit', 'VM.GuestAgent.Audit'],
  },
  Sys: {
    root: ['Sys.PowerMgmt', 'Sys.Modify', 'Sys.Incoming', 'Sys.AccessNetwork'],
    admin: ['Sys.Console', 'Sys.Syslog'],
    user: [],
    audit: ['Sys.Audit'],
  },
  Datastore: {
    root: [],
    admin: ['Datastore.Allocate', 'Datastore.AllocateTemplate'],
    user: ['Datastore.AllocateSpace'],
    audit: ['Datastore.Audit'],
  },
  SDN: { root: [], admin: ['SDN.Allocate', 'SDN.Audit'], user: ['SDN.Use'], audit: ['SDN.Audit'] },
  User: {
    root: ['Realm.Allocate'],
    admin: ['User.Modify', 'Group.Allocate', 'Realm.AllocateUser'],
    user: [],
    audit: [],
  },
  Pool: { root: [], admin: ['Pool.Allocate'], user: ['Pool.Audit'], audit: ['Pool.Audit'] },
  Mapping: { root: [], admin: ['Mapping.Modify'], user: ['Mapping.Use'], audit: ['Mapping.Audit'] },
};

function buildRoles(): Record<string, ReadonlySet<string>> {
  const all = new Set<string>(['Permissions.Modify']);
  const roles: Record<string, Set<string>> = { NoAccess: new Set(), Administrator: all, PVEAdmin: new Set() };
  const add = (role: string, privs: string[]) => {
    const set = (roles[role] ??= new Set());
    for (const p of privs) set.add(p);
  };
  for (const [cat, g] of Object.entries(PRIV_GROUPS)) {
    for (const p of [...g.root, ...g.admin, ...g.user, ...g.audit]) all.add(p);
    add(`PVE${cat}Admin`, [...g.admin, ...g.user, ...g.audit]);
    add('PVEAdmin', [...g.admin, ...g.user, ...g.audit]);
    if (g.user.length) add(`PVE${cat}User`, [...g.user, ...g.audit]);
    add('PVEAuditor', g.audit);
  }
  roles.PVEAdmin!.delete('Mapping.Modify');
  roles.PVETemplateUser = new Set(['VM.Clone', 'VM.Audit']);
  return roles;
}

export const PVE_ROLES: Readonly<Record<string, ReadonlySet<string>>> = buildRoles();

/** Every privilege PVE knows (the Administrator role). */
export const ALL_PVE_PRIVS: ReadonlySet<string> = PVE_ROLES.Administrator!;
