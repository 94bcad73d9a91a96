import type { SnapshotItem } from '@/api/schemas/content';
import { contentRequests, type SnapshotTarget } from './actions-api';
import { snapshotName, snapshotTarget } from './names';

export type BulkKind = 'verify' | 'protect' | 'unprotect' | 'forget';

export interface BulkPlan {
  kind: BulkKind;
  act: SnapshotItem[];
  skipped: { snapshot: SnapshotItem; reason: string }[];
}

/** What a multi-select action will do to each snapshot, before anything is sent. */
export function planBulk(kind: BulkKind, selected: readonly SnapshotItem[]): BulkPlan {
  const plan: BulkPlan = { kind, act: [], skipped: [] };
  for (const s of selected) {
    const isProtected = s.protected === true;
    if (kind === 'forget' && isProtected) plan.skipped.push({ snapshot: s, reason: 'protected: PBS keeps it' });
    else if (kind === 'protect' && isProtected) plan.skipped.push({ snapshot: s, reason: 'already protected' });
    else if (kind === 'unprotect' && !isProtected) plan.skipped.push({ snapshot: s, reason: 'not protected' });
    else plan.act.push(s);
  }
  return plan;
}

export interface BulkResult {
  name: string;
  ok: boolean;
  /** PBS's error text */
  message?: string;
  /** the verify task started */
  upid?: string;
}

function request(kind: BulkKind, t: SnapshotTarget): Promise<unknown> {
  if (kind === 'verify') return contentRequests.verify(t);
  if (kind === 'forget') return contentRequests.forgetSnapshot(t);
  return contentRequests.setProtected(t, kind === 'protect');
}

/** One request after the other (PBS locks the group for each), every outcome kept. */
export async function runBulk(store: string, ns: string, plan: BulkPlan): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const s of plan.act) {
    const t = snapshotTarget(store, ns, s);
    const name = snapshotName(t);
    try {
      const data = await request(plan.kind, t);
      results.push(typeof data === 'string' ? { name, ok: true, upid: data } : { name, ok: true });
    } catch (e) {
      results.push({ name, ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return results;
}
