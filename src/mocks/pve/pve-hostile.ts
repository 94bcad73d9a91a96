// The hostile corpus's Proxmox VE fields, planted into the simulated cluster: guest names (as `qm set --name` or a
// restored config left them) and storages whose ids another administrator chose, each able to hold guest disks
// and container volumes, so a restore offers them as targets.
import { payloadsOf } from '../sim/hostile-corpus';
import type { HostilePlacement } from '../sim/hostile-plant';
import type { PveModel } from './pve-model';

/** guests the demo cluster runs, one name each */
const NAMED_GUESTS = [102, 103, 104, 105, 112];
const TYPES = ['dir', 'lvmthin', 'zfspool'] as const;
const GiB = 1024 ** 3;

export function plantHostilePve(m: PveModel): HostilePlacement[] {
  const out: HostilePlacement[] = [];
  payloadsOf('pve-guest-name').forEach((p, i) => {
    const vmid = NAMED_GUESTS[i];
    const guest = vmid === undefined ? undefined : m.guests.get(vmid);
    if (!guest) throw new Error(`no guest for hostile payload '${p.id}'`);
    guest.name = p.text;
    out.push({ id: p.id, field: p.field, at: `guest ${guest.vmid}`, place: { vmid: guest.vmid } });
  });
  payloadsOf('pve-storage-name').forEach((p, i) => {
    m.storages.push({
      storage: p.text,
      type: TYPES[i % TYPES.length]!,
      content: ['images', 'rootdir'],
      shared: 0,
      total: (200 + 10 * i) * GiB,
    });
    out.push({
      id: p.id,
      field: p.field,
      at: `${payloadsOf('pve-storage-name').length} storages added to the cluster`,
      place: { storage: p.text },
    });
  });
  return out;
}
