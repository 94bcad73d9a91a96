import { Button } from '@/components/ui/button';
import type { PveResource } from '@/api/schemas/pve';

interface ConfirmProps {
  guest: PveResource;
  vmid: string;
  onCancel: () => void;
  onConfirm: () => void;
}

/** The last word before a forced restore replaces a guest that exists now. */
export function GuestRestoreConfirm({ guest, vmid, onCancel, onConfirm }: ConfirmProps) {
  const word = guest.type === 'lxc' ? 'container' : 'VM';
  return (
    <div
      role="group"
      aria-label={`Overwrite ${word} ${vmid}`}
      className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <p>
        {word === 'VM' ? 'VM' : 'Container'} {vmid} {guest.name ? `(${guest.name}) ` : ''}on {guest.node ?? 'its node'}{' '}
        is erased for good: its current disks{word === 'container' ? ', mount point volumes' : ''} and configuration are
        replaced by the backup. Anything written since that backup is lost.
      </p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onCancel}>Keep it</Button>
        <Button variant="danger" onClick={onConfirm}>
          Overwrite {word} {vmid}
        </Button>
      </div>
    </div>
  );
}
