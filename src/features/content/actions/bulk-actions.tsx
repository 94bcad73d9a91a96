import { useMutation } from '@tanstack/react-query';
import { defaultServer } from '@/api/queries/default-server';
import { changes } from '@/api/queries/invalidation';
import { Suspense, useMemo, useState } from 'react';
import type { SnapshotItem } from '@/api/schemas/content';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { planBulk, runBulk, type BulkKind, type BulkPlan } from './bulk-plan';
import { BulkResults } from './bulk-results';
import { BulkSummary } from './bulk-summary';
import { DialogButtons } from './dialog-buttons';
import { LazyFreedSpace } from './lazy-freed-space';
import { offerOf, type AccessAction } from '@/lib/access-rules';
import type { ContentPermissions } from './permissions';

export interface BulkActionsProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  /** the privileges on the selection's namespace */
  permissions: ContentPermissions;
  selected: SnapshotItem[];
  /** called after the action ran, so the tree can clear its selection */
  onDone: () => void;
}

// what PBS checks for each snapshot of a bulk action (the same calls as one snapshot's)
const RULE: Record<BulkKind, AccessAction> = {
  verify: 'verifyGroup',
  protect: 'protect',
  unprotect: 'protect',
  forget: 'forgetSnapshot',
};

const TITLE: Record<BulkKind, string> = {
  verify: 'Verify',
  protect: 'Protect',
  unprotect: 'Unprotect',
  forget: 'Forget',
};

/** Verify, protect or forget the selected snapshots: a summary first, then what happened to each. */
export function BulkActions({ store, ns, permissions, selected, onDone }: BulkActionsProps) {
  const { privs, path, authId } = permissions;
  const [plan, setPlan] = useState<BulkPlan | null>(null);
  const run = useMutation({
    mutationFn: (p: BulkPlan) => runBulk(store, ns, p),
    meta: { changes: [...changes.content(defaultServer), ...changes.tasks(defaultServer)] },
  });
  // what forgetting frees, counted while the forget summary is open
  const forgetting = useMemo(
    () =>
      plan?.kind === 'forget'
        ? plan.act.map((s) => ({ ns, type: s['backup-type'], id: s['backup-id'], time: s['backup-time'] }))
        : null,
    [plan, ns],
  );
  // offered when PBS would accept it for every selected snapshot
  const kinds = (['verify', 'protect', 'unprotect', 'forget'] as const).filter((kind) =>
    selected.every((s) => offerOf(RULE[kind], { privs, path, authId, owner: s.owner }).offered),
  );
  // the dialog outlives the selection: forgotten snapshots leave the tree while their results are shown
  if ((selected.length === 0 || kinds.length === 0) && !plan) return null;

  const close = () => {
    const ran = run.isSuccess;
    setPlan(null);
    run.reset();
    if (ran) onDone();
  };
  return (
    // the selection bar around it shows the count
    <div
      role="group"
      aria-label="Actions on the selected snapshots"
      className="flex flex-wrap items-center gap-2 text-sm"
    >
      {selected.length > 0 &&
        kinds.map((kind) => (
          <Button
            key={kind}
            size="sm"
            variant={kind === 'forget' ? 'danger' : 'secondary'}
            onClick={() => setPlan(planBulk(kind, selected))}
          >
            {TITLE[kind]}…
          </Button>
        ))}
      {plan ? (
        <Dialog
          title={`${TITLE[plan.kind]} ${plan.act.length + plan.skipped.length} selected snapshots`}
          isOpen
          onOpenChange={(open) => !open && !run.isPending && close()}
          role="alertdialog"
        >
          {run.data ? <BulkResults results={run.data} /> : <BulkSummary plan={plan} />}
          {run.data || run.isPending || !forgetting ? null : (
            <Suspense fallback={null}>
              <LazyFreedSpace store={store} targets={forgetting} atMost={!privs.has('Datastore.Audit')} />
            </Suspense>
          )}
          <DialogButtons
            onCancel={close}
            cancelLabel={run.data ? 'Close' : 'Cancel'}
            confirm={
              run.data
                ? undefined
                : {
                    label: run.isPending ? 'Working…' : `${TITLE[plan.kind]} ${plan.act.length}`,
                    danger: plan.kind === 'forget',
                    disabled: run.isPending || plan.act.length === 0,
                    onPress: () => run.mutate(plan),
                  }
            }
          />
        </Dialog>
      ) : null}
    </div>
  );
}
