import type { PruneJobStatus } from '@/api/schemas/jobs';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { RefusedButton } from '@/components/ui/refused-button';
import { Time } from '@/components/ui/time';
import type { Offer } from '@/lib/access-rules';
import { keepOptionsText } from '@/lib/prune';
import { taskStatusKind } from '@/lib/task-status';

interface PruneJobRowProps {
  job: PruneJobStatus;
  showStore: boolean;
  /** whether the user may run, edit and remove it, and if not, why; null: not known yet (no actions column) */
  access: Offer | null;
  running: boolean;
  onRun: () => void;
  onEdit: () => void;
  onRemove: () => void;
}

const cell = 'py-1.5 pr-3 align-top';

export function PruneJobRow({ job, showStore, access, running, onRun, onEdit, onRemove }: PruneJobRowProps) {
  const state = job['last-run-state'];
  const kind = taskStatusKind(state ?? 'unknown');
  return (
    <tr className="border-t border-neutral-200 dark:border-neutral-700">
      <th scope="row" className={`${cell} font-mono font-normal`}>
        {job.id}
        {job.comment ? (
          <span className="block font-sans text-xs text-neutral-600 dark:text-neutral-400">{job.comment}</span>
        ) : null}
      </th>
      {showStore ? <td className={cell}>{job.store}</td> : null}
      <td className={cell}>
        {job.ns ? job.ns : 'Root'}
        {job['max-depth'] !== undefined ? ` (depth ${job['max-depth']})` : ''}
      </td>
      <td className={`${cell} font-mono`}>{job.schedule}</td>
      <td className={`${cell} font-mono text-xs`}>{keepOptionsText(job) || 'keeps everything'}</td>
      <td className={cell}>
        {job.disable ? <Badge>disabled</Badge> : job['next-run'] !== undefined ? <Time epoch={job['next-run']} /> : '–'}
      </td>
      <td className={cell}>
        {job['last-run-endtime'] !== undefined ? (
          <span className="inline-flex flex-wrap items-center gap-1">
            <Time epoch={job['last-run-endtime']} />
            <Badge tone={kind === 'ok' ? 'ok' : kind === 'warning' ? 'warning' : 'error'}>{state ?? 'unknown'}</Badge>
          </span>
        ) : job['last-run-upid'] ? (
          <Badge tone="info">running</Badge>
        ) : (
          'never'
        )}
      </td>
      {access?.offered ? (
        <td className={cell}>
          <div className="flex flex-wrap gap-1">
            <Button size="sm" onClick={onRun} disabled={running} aria-label={`Run prune job ${job.id} now`}>
              Run now
            </Button>
            <Button size="sm" onClick={onEdit} aria-label={`Edit prune job ${job.id}`}>
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove prune job ${job.id}`}>
              Remove
            </Button>
          </div>
        </td>
      ) : access ? (
        <td className={cell}>
          <div className="flex flex-wrap gap-1">
            <RefusedButton size="sm" aria-label={`Run prune job ${job.id} now`} reason={access.reason}>
              Run now
            </RefusedButton>
            <RefusedButton size="sm" aria-label={`Edit prune job ${job.id}`} reason={access.reason}>
              Edit
            </RefusedButton>
            <RefusedButton size="sm" variant="ghost" aria-label={`Remove prune job ${job.id}`} reason={access.reason}>
              Remove
            </RefusedButton>
          </div>
        </td>
      ) : null}
    </tr>
  );
}
