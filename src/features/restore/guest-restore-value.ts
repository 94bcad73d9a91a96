// The restore form's own state and how it becomes PVE's restore options.
import type { GuestKind, GuestRestoreOptions } from '@/lib/restore-command';

export interface RestoreFormValue {
  /** null: the suggested id (the next free one, or the original) */
  vmid: string | null;
  /** null: the default target (VM: each disk's storage from the backup; CT: the first with container directories) */
  storage: string | null;
  unique: boolean;
  liveRestore: boolean;
  /** MiB/s, empty for no limit */
  bwlimit: string;
  pool: string;
  force: boolean;
  start: boolean;
}

export const EMPTY_FORM: RestoreFormValue = {
  vmid: null,
  storage: null,
  unique: false,
  liveRestore: false,
  bwlimit: '',
  pool: '',
  force: false,
  start: false,
};

export function toOptions(kind: GuestKind, v: RestoreFormValue, vmid: string, storage: string): GuestRestoreOptions {
  const mib = Number(v.bwlimit);
  return {
    vmid: Number(vmid),
    ...(storage ? { storage } : {}),
    unique: v.unique,
    liveRestore: kind === 'vm' && v.liveRestore,
    ...(v.bwlimit.trim() !== '' && Number.isFinite(mib) && mib >= 0 ? { bwlimit: Math.round(mib * 1024) } : {}),
    ...(v.pool.trim() ? { pool: v.pool.trim() } : {}),
    force: v.force,
    start: v.start,
  };
}

/** A problem the form can see before asking PVE, by field. */
export function formProblems(vmid: string, bwlimit: string): { vmid?: string; bwlimit?: string } {
  const out: { vmid?: string; bwlimit?: string } = {};
  if (!/^\d+$/.test(vmid) || Number(vmid) < 100 || Number(vmid) > 999999999)
    out.vmid = 'A VMID is a number from 100 to 999999999.';
  if (bwlimit.trim() !== '' && !(Number(bwlimit) >= 0)) out.bwlimit = 'A limit in MiB/s, 0 or more.';
  return out;
}
