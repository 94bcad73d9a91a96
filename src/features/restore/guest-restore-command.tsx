import { useId } from 'react';
import { CopyButton } from '@/components/ui/copy-button';

/** The command that does the same restore on a Proxmox VE node's shell. */
export function GuestRestoreCommand({ command }: { command: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-1">
      <h3 id={id} className="text-sm font-medium">
        Command line
      </h3>
      <div className="flex items-start gap-1">
        <code
          data-testid="restore-command"
          className="min-w-0 flex-1 break-all rounded bg-neutral-100 px-2 py-1 font-mono text-xs dark:bg-neutral-800"
        >
          {command}
        </code>
        <CopyButton value={command} label="Copy restore command" />
      </div>
    </section>
  );
}
