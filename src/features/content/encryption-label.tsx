import { Lock, LockOpen } from 'lucide-react';
import type { SnapshotFile } from '@/api/schemas/content';
import { OtherBadge } from '@/components/ui/enum-badge';
import { ENCRYPTION_TEXT, keyId, otherCryptMode, type Encryption } from './encryption';

interface EncryptionLabelProps {
  encryption: Encryption;
  fingerprint?: string | undefined;
  /** the snapshot's files: a crypt mode PBS Deck does not know is shown from them as PBS wrote it */
  files?: readonly SnapshotFile[] | undefined;
}

/** None / Signed / Encrypted, with the key's id when there is one. */
export function EncryptionLabel({ encryption, fingerprint, files }: EncryptionLabelProps) {
  if (encryption === 'other') return <OtherBadge value={otherCryptMode(files) ?? ''} />;
  const key = encryption !== 'none' && fingerprint ? keyId(fingerprint) : null;
  return (
    <span className="inline-flex min-w-0 items-center gap-1 text-xs" title={key ? `Key ${fingerprint}` : undefined}>
      {encryption === 'none' ? (
        <LockOpen aria-hidden className="size-3.5 shrink-0 text-neutral-500" />
      ) : (
        <Lock
          aria-hidden
          className={
            encryption === 'encrypted'
              ? 'size-3.5 shrink-0 text-green-700 dark:text-green-400'
              : 'size-3.5 shrink-0 text-neutral-600 dark:text-neutral-400'
          }
        />
      )}
      <span className="truncate">
        {ENCRYPTION_TEXT[encryption]}
        {key ? <span className="sr-only">, key {key}</span> : null}
      </span>
    </span>
  );
}
