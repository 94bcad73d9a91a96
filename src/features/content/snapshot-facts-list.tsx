import type { SnapshotItem } from '@/api/schemas/content';
import { Bytes } from '@/components/ui/bytes';
import { FreeText } from '@/components/ui/free-text';
import { TaskLogLink } from '@/components/ui/task-log-link';
import { Time } from '@/components/ui/time';
import { encryptionOf } from './encryption';
import { EncryptionLabel } from './encryption-label';
import { snapshotVerify, verifiedAt } from './snapshot-facts';
import { VerifyBadge } from './verify-badge';

const dt = 'text-xs text-neutral-600 dark:text-neutral-400';

/** The snapshot list's facts about one snapshot, in words. */
export function SnapshotFactsList({ snapshot, ns, now }: { snapshot: SnapshotItem; ns: string; now: number }) {
  const upid = snapshot.verification?.upid;
  const at = verifiedAt(snapshot);
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
      <dt className={dt}>Time</dt>
      <dd>
        <Time epoch={snapshot['backup-time']} />
      </dd>
      <dt className={dt}>Namespace</dt>
      <dd>{ns === '' ? 'Root' : ns}</dd>
      <dt className={dt}>Size</dt>
      <dd>{snapshot.size !== undefined ? <Bytes value={snapshot.size} /> : 'Unfinished (no manifest yet)'}</dd>
      <dt className={dt}>Owner</dt>
      <dd className="break-all">{snapshot.owner !== undefined ? <FreeText text={snapshot.owner} /> : '–'}</dd>
      <dt className={dt}>Protected</dt>
      <dd>{snapshot.protected ? 'Yes: prune and forget leave it alone' : 'No'}</dd>
      <dt className={dt}>Encryption</dt>
      <dd className="min-w-0">
        <EncryptionLabel
          encryption={encryptionOf(snapshot.files)}
          fingerprint={snapshot.fingerprint}
          files={snapshot.files}
        />
      </dd>
      <dt className={dt}>Verification</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <VerifyBadge state={snapshotVerify(snapshot, now)} at={at} raw={snapshot.verification?.state} />
        {at !== undefined ? (
          <span className="text-xs">
            <Time epoch={at} />
          </span>
        ) : null}
        {upid ? (
          <TaskLogLink upid={upid} className="text-xs">
            Verification task log
          </TaskLogLink>
        ) : null}
      </dd>
      {snapshot.comment ? (
        <>
          <dt className={dt}>Comment</dt>
          <dd className="break-words">
            <FreeText text={snapshot.comment} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}
