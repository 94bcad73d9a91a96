import type { TaskListItem } from '@/api/schemas/tasks';
import type { VerifyJobStatus } from '@/api/schemas/verify';

export type VerifyHealth =
  | { kind: 'failed'; at?: number; detail: string }
  | { kind: 'ok'; at: number }
  | { kind: 'outdated'; at: number }
  | { kind: 'never' }
  | { kind: 'unknown'; reason: string };

const OUTDATED_AFTER = 30 * 86_400;

/** Datastore a verify task worked on: its worker id starts with the store name (`store`, `store:job`, `store:ns:…`). */
function storeOfVerifyTask(task: TaskListItem): string | null {
  if (!task.worker_type.startsWith('verif') || !task.worker_id) return null;
  return task.worker_id.split(':')[0] ?? null;
}

function isOk(state: string | undefined): boolean {
  return state === 'OK' || Boolean(state?.startsWith('WARNINGS'));
}

/**
 * What the dashboard can say about verification from verify jobs and the tasks it already has.
 * Without a verify job, older manual verifies are out of sight, so the answer is "unknown" unless a
 * recent verify task says more.
 */
export function verifyHealth(
  store: string,
  jobs: VerifyJobStatus[] | undefined,
  tasks: TaskListItem[] | undefined,
  now: number,
): VerifyHealth {
  const storeJobs = (jobs ?? []).filter((j) => j.store === store);
  const events = [
    ...storeJobs.map((j) => ({ at: j['last-run-endtime'], state: j['last-run-state'] })),
    ...(tasks ?? []).filter((t) => storeOfVerifyTask(t) === store).map((t) => ({ at: t.endtime, state: t.status })),
  ].filter((e): e is { at: number; state: string } => e.at !== undefined && e.state !== undefined);
  const latest = events.reduce<(typeof events)[number] | undefined>((a, e) => (!a || e.at > a.at ? e : a), undefined);
  if (latest) {
    if (!isOk(latest.state)) return { kind: 'failed', at: latest.at, detail: latest.state };
    return now - latest.at > OUTDATED_AFTER ? { kind: 'outdated', at: latest.at } : { kind: 'ok', at: latest.at };
  }
  if (jobs === undefined) return { kind: 'unknown', reason: 'verify jobs not loaded' };
  if (storeJobs.length > 0) return { kind: 'never' };
  return { kind: 'unknown', reason: 'no verify job' };
}
