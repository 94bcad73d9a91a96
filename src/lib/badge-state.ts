import { taskStatusKind } from './task-status';
import { usageRatio, USAGE_WARN } from './usage';

/*
 * The state a status badge shows, worst first:
 * - failing: the datastore is not available, or a verify, GC or prune failed in the last 7 days;
 * - full: no space left, or PBS estimates it full within 7 days;
 * - warning: 80% or more used, full within 30 days, or the newest verify is older than 30 days;
 * - ok: none of these.
 */

export type BadgeState = 'ok' | 'warning' | 'full' | 'failing';

export const BADGE_STATES: readonly BadgeState[] = ['ok', 'warning', 'full', 'failing'];

const DAY = 86_400;
export const FAILURE_WINDOW = 7 * DAY;
const FULL_SOON = 7 * DAY;
const FULL_WITHIN = 30 * DAY;
const VERIFY_TOO_OLD = 30 * DAY;

export interface UsageFacts {
  store: string;
  error?: string;
  used?: number;
  avail?: number;
  total?: number;
  'estimated-full-date'?: number;
}

export interface TaskFacts {
  worker_type: string;
  worker_id?: string | null;
  endtime?: number;
  status?: string | null;
}

export interface VerifyJobFacts {
  store: string;
  'last-run-endtime'?: number;
}

export interface BadgeVerdict {
  state: BadgeState;
  /** why, in words, most serious first; empty when ok */
  reasons: string[];
}

type Kind = 'verify' | 'gc' | 'prune';

function kindOf(type: string): Kind | null {
  if (type === 'garbage_collection') return 'gc';
  if (type === 'prune' || type === 'prunejob') return 'prune';
  if (type.startsWith('verif')) return 'verify';
  return null;
}

/** A task's datastore: worker ids are `store`, `store:job` or `store:ns:group…`. */
function storeOf(task: TaskFacts): string | null {
  return task.worker_id ? (task.worker_id.split(':')[0] ?? null) : null;
}

/** The verdict for one datastore from its usage entry, recent tasks and verify jobs; `now` in epoch seconds. */
export function storeBadgeState(
  usage: UsageFacts,
  tasks: readonly TaskFacts[],
  verifyJobs: readonly VerifyJobFacts[],
  now: number,
): BadgeVerdict {
  const store = usage.store;
  const failing: string[] = [];
  const full: string[] = [];
  const warning: string[] = [];

  if (usage.error) failing.push(`datastore not available: ${usage.error}`);
  const mine = tasks.filter((t) => storeOf(t) === store && kindOf(t.worker_type) !== null);
  const failedKinds = new Set<Kind>();
  for (const t of mine) {
    if (t.endtime !== undefined && now - t.endtime <= FAILURE_WINDOW && taskStatusKind(t.status) === 'error')
      failedKinds.add(kindOf(t.worker_type)!);
  }
  const words: Record<Kind, string> = { verify: 'verify', gc: 'garbage collection', prune: 'prune' };
  for (const kind of ['verify', 'gc', 'prune'] as const)
    if (failedKinds.has(kind)) failing.push(`a ${words[kind]} failed in the last 7 days`);

  if (!usage.error) {
    const fullDate = usage['estimated-full-date'];
    const inFuture = fullDate !== undefined && Number.isFinite(fullDate) && fullDate > now;
    if (usage.avail === 0) full.push('no space left');
    else if (inFuture && fullDate - now <= FULL_SOON) full.push('estimated full within 7 days');
    else if (inFuture && fullDate - now <= FULL_WITHIN) warning.push('estimated full within 30 days');

    const ratio = usageRatio(usage);
    if (ratio !== null && ratio >= USAGE_WARN && usage.avail !== 0) warning.push(`${Math.floor(ratio * 100)}% used`);

    const verifyEnds = [
      ...verifyJobs.filter((j) => j.store === store).map((j) => j['last-run-endtime']),
      ...mine.filter((t) => kindOf(t.worker_type) === 'verify').map((t) => t.endtime),
    ].filter((e): e is number => e !== undefined);
    const newest = verifyEnds.length ? Math.max(...verifyEnds) : undefined;
    if (newest !== undefined && now - newest > VERIFY_TOO_OLD) warning.push('last verify more than 30 days ago');
  }

  if (failing.length) return { state: 'failing', reasons: [...failing, ...full, ...warning] };
  if (full.length) return { state: 'full', reasons: [...full, ...warning] };
  if (warning.length) return { state: 'warning', reasons: warning };
  return { state: 'ok', reasons: [] };
}

/** The worst of several verdicts (all datastores); ok when there are none. */
export function worstBadgeState(verdicts: readonly BadgeVerdict[]): BadgeState {
  return verdicts.reduce<BadgeState>(
    (worst, v) => (BADGE_STATES.indexOf(v.state) > BADGE_STATES.indexOf(worst) ? v.state : worst),
    'ok',
  );
}
