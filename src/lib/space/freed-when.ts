// When forgetting frees its chunks: garbage collection removes a chunk whose access time is older than its phase 1
// start minus 24 h 5 min (PBS's cutoff, DESIGN.md "Space accounting"). A chunk that only forgotten snapshots held
// was last touched by the last GC's mark phase, or, for a snapshot written since, by its backup. So the first GC
// that removes it is the first to start 24 h 5 min after the later of the two.
import { nextEvent, parseCalendarEvent } from '../calendar-event';
import type { SelectionSpace } from './selection';
import type { DatastoreSpace, Progress } from './types';

/** PBS's access-time cutoff: 24 h and 5 min before a GC's phase 1 starts. */
export const GC_CUTOFF_SECONDS = 24 * 3600 + 5 * 60;

export interface FreedWhenInput {
  /** the last GC's start (its mark phase), from its UPID; undefined when none has run */
  lastMark?: number;
  /** backup-time of each snapshot to forget */
  snapshotTimes: readonly number[];
  /** the datastore's GC schedule (a calendar event); undefined or '' when GC runs only by hand */
  schedule?: string;
  /** the server's time zone, by which PBS reads the schedule */
  zone: string;
  /** the server's clock */
  now: number;
}

export interface FreedWhen {
  /** a GC starting from this instant on removes the chunks */
  notBefore: number;
  /** the first scheduled GC after `notBefore` and after now; null without a schedule that runs again */
  at: number | null;
  /** a snapshot was written after the last mark: counted from its backup's start, which a long backup moves on */
  fromBackup: boolean;
}

export function freedWhen({ lastMark, snapshotTimes, schedule, zone, now }: FreedWhenInput): FreedWhen {
  const newest = snapshotTimes.length ? Math.max(...snapshotTimes) : -Infinity;
  const touched = Math.max(lastMark ?? -Infinity, newest);
  const notBefore = Number.isFinite(touched) ? touched + GC_CUTOFF_SECONDS : now;
  let at: number | null = null;
  if (schedule?.trim()) {
    try {
      // strictly after: a GC starting at notBefore itself keeps a chunk touched at `touched` (not older)
      at = nextEvent(parseCalendarEvent(schedule), Math.max(notBefore, now), zone);
    } catch {
      at = null;
    }
  }
  return { notBefore, at, fromBackup: lastMark === undefined || newest > lastMark };
}

/** A snapshot to forget, as the dialogs name it. */
export interface FreedTarget {
  ns: string;
  type: string;
  id: string;
  time: number;
}

/** What forgetting some snapshots frees, as it is being counted. */
export interface FreedSpace {
  phase: 'counting' | 'done' | 'failed';
  progress?: Progress;
  /** the chosen snapshots' space: `unique` is what forgetting them frees */
  selection?: SelectionSpace;
  /** the datastore's figures, for on-disk estimates */
  datastore?: DatastoreSpace;
  /** chosen snapshots the listing does not hold as finished (still being written, or gone): not counted */
  notCounted: number;
  /** the first GC that removes the chunks */
  when?: FreedWhen;
  error?: unknown;
  /** the privilege that is missing, when PBS refused a download */
  refusal?: string;
}
