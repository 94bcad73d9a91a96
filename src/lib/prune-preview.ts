// Shapes a prune preview: for each snapshot, why the local rules (lib/prune) keep or remove it, next to what
// the server's dry run says, with disagreements flagged. PBS keeps everything when no keep option is set.
import { KEEP_RULES, prunePlan, type KeepOptions, type PruneReason } from './prune';

export interface PreviewSnapshot {
  type: string;
  id: string;
  /** backup time, epoch seconds */
  time: number;
  protected?: boolean;
  /** false while its backup still runs (the snapshot list has no size for it) */
  finished?: boolean;
}

/** One mark of the server's dry run (POST …/prune with dry-run=1). */
export interface ServerMark {
  type: string;
  id: string;
  time: number;
  keep: boolean;
}

export type PreviewReason = PruneReason | 'no-selection';

export interface PreviewRow {
  group: string;
  time: number;
  protected: boolean;
  keep: boolean;
  reason: PreviewReason;
  /** the server's verdict, when its dry run covered this snapshot */
  server?: boolean;
  /** the server's dry run and the local rules disagree (or the server did not list the snapshot) */
  disagree: boolean;
}

export const hasKeepOption = (keep: KeepOptions) => KEEP_RULES.some((r) => (keep[r] ?? 0) > 0);

const groupOf = (s: { type: string; id: string }) => `${s.type}/${s.id}`;

/**
 * Rows newest first within each group, groups in name order. `server` (when given) is the dry run of
 * exactly these groups: a snapshot it does not mention counts as a disagreement.
 */
export function previewRows(
  snaps: readonly PreviewSnapshot[],
  keep: KeepOptions,
  zone: string,
  server?: readonly ServerMark[],
): PreviewRow[] {
  const byGroup = new Map<string, PreviewSnapshot[]>();
  for (const s of snaps) {
    const g = groupOf(s);
    byGroup.set(g, [...(byGroup.get(g) ?? []), s]);
  }
  const marks = new Map(server?.map((m) => [`${groupOf(m)}/${m.time}`, m.keep]));
  const any = hasKeepOption(keep);
  const rows: PreviewRow[] = [];
  for (const group of [...byGroup.keys()].sort()) {
    const list = [...(byGroup.get(group) ?? [])].sort((a, b) => b.time - a.time);
    const plan = any ? prunePlan(list, keep, zone) : null;
    for (const s of list) {
      const d = plan?.get(s) ?? { keep: true, reason: 'no-selection' as const };
      const verdict = marks.get(`${group}/${s.time}`);
      rows.push({
        group,
        time: s.time,
        protected: s.protected === true,
        keep: d.keep,
        reason: d.reason,
        ...(verdict !== undefined && { server: verdict }),
        disagree: server !== undefined && verdict !== d.keep,
      });
    }
  }
  return rows;
}

/** Kept and removed counts of a preview. */
export function previewCounts(rows: readonly PreviewRow[]): { keep: number; remove: number; disagree: number } {
  let keep = 0;
  let disagree = 0;
  for (const r of rows) {
    if (r.keep) keep++;
    if (r.disagree) disagree++;
  }
  return { keep, remove: rows.length - keep, disagree };
}

/** Why a snapshot stays or goes, in words. */
export function reasonText(reason: PreviewReason): string {
  switch (reason) {
    case 'protected':
      return 'kept: protected';
    case 'unfinished':
      return 'kept: backup still running';
    case 'unfinished-superseded':
      return 'removed: unfinished, a newer backup finished';
    case 'no-rule':
      return 'removed: no rule keeps it';
    case 'no-selection':
      return 'kept: no keep option set';
    default:
      return `kept by ${reason}`;
  }
}
