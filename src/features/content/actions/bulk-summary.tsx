import type { BulkKind, BulkPlan } from './bulk-plan';
import { snapshotName } from './names';

const VERB: Record<BulkKind, string> = {
  verify: 'verified',
  protect: 'protected',
  unprotect: 'unprotected',
  forget: 'forgotten for good',
};
const plural = (n: number) => `${n} snapshot${n === 1 ? '' : 's'}`;

/** What is about to happen, in counts first and names after. */
export function BulkSummary({ plan }: { plan: BulkPlan }) {
  return (
    <div className="space-y-2 text-sm">
      <p>
        {plural(plan.act.length)} will be {VERB[plan.kind]}
        {plan.kind === 'verify' ? ', one verify task each' : ''}.
        {plan.skipped.length > 0 ? ` ${plural(plan.skipped.length)} will be skipped.` : ''}
      </p>
      {plan.skipped.length > 0 ? (
        <ul aria-label="Skipped" className="max-h-32 list-disc overflow-auto pl-5">
          {plan.skipped.map(({ snapshot, reason }) => (
            <li key={snapshot['backup-time'] + snapshot['backup-id']}>
              <span className="font-mono">
                {snapshotName({
                  type: snapshot['backup-type'],
                  id: snapshot['backup-id'],
                  time: snapshot['backup-time'],
                })}
              </span>
              : {reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
