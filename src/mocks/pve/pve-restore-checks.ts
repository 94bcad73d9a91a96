// The permission checks of the two restore calls, as qemu-server PVE/API2/Qemu.pm create_vm and pve-container
// PVE/API2/LXC.pm create_vm make them before they start a worker, and pve-storage's check_volume_access.
import type { PveAccess } from './pve-access';
import { permissionError } from './pve-access';
import { pveDie } from './pve-errors';
import type { Checked } from './pve-params';
import type { BackupVolume } from './pve-volumes';

/**
 * VM.Allocate on /vms/<vmid>, or on the pool the guest goes to; a restore over an existing guest also passes with
 * VM.Backup on it. Otherwise a bare "Permission check failed".
 */
export function checkAllocate(
  access: PveAccess,
  authid: string,
  vmid: number,
  pool: string | undefined,
  overExisting: boolean,
): void {
  if (access.has(authid, `/vms/${vmid}`, 'VM.Allocate')) return;
  if (pool !== undefined && access.has(authid, `/pool/${pool}`, 'VM.Allocate')) return;
  if (overExisting && access.has(authid, `/vms/${vmid}`, 'VM.Backup')) return;
  throw permissionError();
}

/**
 * PVE::Storage::check_volume_access for a backup: Datastore.Allocate on its storage lets anything through; a backup
 * of the same VMID needs nothing more; another VMID's backup needs Datastore.AllocateSpace on the storage and
 * VM.Backup on the guest it was made of.
 */
export function checkBackupAccess(
  access: PveAccess,
  authid: string,
  vmid: number | undefined,
  vol: BackupVolume,
): void {
  const storagePath = `/storage/${vol.storage.storage}`;
  if (access.has(authid, storagePath, 'Datastore.Allocate')) return;
  if (vmid !== undefined && vol.id === String(vmid)) return;
  if (!vol.id) throw pveDie(`missing privileges to access ${vol.volid}`);
  access.check(authid, storagePath, ['Datastore.AllocateSpace']);
  access.check(authid, `/vms/${vol.id}`, ['VM.Backup']);
}

const QEMU_CONFIG_PRIVS: Record<string, string> = {
  cores: 'VM.Config.CPU',
  sockets: 'VM.Config.CPU',
  memory: 'VM.Config.Memory',
  name: 'VM.Config.Options',
};

const LXC_CONFIG_PRIVS: Record<string, string> = {
  cores: 'VM.Config.CPU',
  memory: 'VM.Config.Memory',
  hostname: 'VM.Config.Network',
};

/** check_vm_modify_config_perm (qemu) and check_ct_modify_config_perm (lxc) for the settings the call overrides. */
export function checkConfigPerms(
  access: PveAccess,
  authid: string,
  kind: 'qemu' | 'lxc',
  vmid: number,
  p: Checked,
): void {
  if (authid === 'root@pam') return;
  const map = kind === 'qemu' ? QEMU_CONFIG_PRIVS : LXC_CONFIG_PRIVS;
  for (const key of Object.keys(p).sort()) {
    const priv = map[key];
    if (priv) access.checkVmPerm(authid, vmid, p.pool as string | undefined, [priv]);
  }
}
