import { Lock } from 'lucide-react';
import type { SnapshotRef } from './api';

/** Why an encrypted archive cannot be browsed here, and how its owner restores it. */
export function EncryptedNotice({ snapshot, archive }: { snapshot: SnapshotRef; archive: string }) {
  return (
    <div
      role="alert"
      className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <Lock aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="space-y-1">
        <p className="font-medium">{archive} is encrypted: its files cannot be browsed or downloaded here</p>
        <p>
          The backup client encrypted it before upload, and the server never holds the key, so it cannot decode the
          archive. Whoever holds the encryption key restores it with proxmox-backup-client, for example:
        </p>
        <code className="block rounded bg-amber-100 px-1.5 py-0.5 text-xs break-all dark:bg-amber-900/60">
          proxmox-backup-client restore {snapshot.type}/{snapshot.id}/
          {new Date(snapshot.time * 1000).toISOString().replace('.000Z', 'Z')} {archive.replace(/\.didx$/, '')}{' '}
          ./restore --keyfile &lt;key&gt;
          {snapshot.ns ? ` --ns ${snapshot.ns}` : ''}
        </code>
      </div>
    </div>
  );
}
