import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { pveQueries } from './pve-api';

interface GuestRestoreTaskProps {
  node: string;
  upid: string;
  onClose: () => void;
}

/** Follows the PVE restore task to its end: status and log, read again while it runs. */
export function GuestRestoreTask({ node, upid, onClose }: GuestRestoreTaskProps) {
  const logId = useId();
  const status = useQuery(pveQueries.taskStatus(node, upid));
  const running = status.data?.status !== 'stopped';
  const log = useQuery(pveQueries.taskLog(node, upid, running));
  const exit = status.data?.exitstatus;
  return (
    <div className="space-y-3">
      <p className="break-all text-xs text-neutral-600 dark:text-neutral-400">
        Proxmox VE task <code>{upid}</code> on {node}
      </p>
      {status.error ? <ErrorState title="The task status could not be read" message={status.error.message} /> : null}
      {running ? (
        <p role="status" className="text-sm">
          Restoring…
        </p>
      ) : exit === 'OK' ? (
        <p role="status" className="text-sm font-medium text-green-800 dark:text-green-300">
          Restore finished: OK
        </p>
      ) : (
        <ErrorState title="The restore failed" message={exit} />
      )}
      <section aria-labelledby={logId}>
        <h3 id={logId} className="text-sm font-medium">
          Restore task log
        </h3>
        <pre
          // a scrolling log must be reachable by keyboard
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          className="mt-1 max-h-64 overflow-auto rounded bg-neutral-100 p-2 font-mono text-xs whitespace-pre-wrap break-all dark:bg-neutral-800"
        >
          {(log.data ?? []).map((l) => l.t).join('\n')}
        </pre>
      </section>
      <div className="flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </div>
  );
}
