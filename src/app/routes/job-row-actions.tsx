import { History, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { RefusedButton } from '@/components/ui/refused-button';
import { EditGcScheduleButton } from '@/features/gc/edit-gc-schedule-button';
import type { JobRow } from '@/features/jobs/job-rows';
import { PruneJobDialog } from '@/features/prune/prune-job-dialog';
import { RemoveJobDialog } from '@/features/prune/remove-job-dialog';
import { DeleteVerifyJobButton } from '@/features/verify/delete-verify-job-button';
import { EditVerifyJobButton } from '@/features/verify/verify-job-dialogs';
import { useSession } from '../session';
import { useJobAccess } from './job-access';

/** Prune jobs are edited with the prune feature's own dialogs. */
function PruneActions({ row }: { row: JobRow }) {
  const [open, setOpen] = useState<'edit' | 'remove' | null>(null);
  return (
    <>
      <Button size="sm" variant="ghost" aria-label={`Edit prune job ${row.id}`} onClick={() => setOpen('edit')}>
        <Pencil aria-hidden className="size-3.5" /> Edit
      </Button>
      <Button size="sm" variant="ghost" aria-label={`Remove prune job ${row.id}`} onClick={() => setOpen('remove')}>
        <Trash2 aria-hidden className="size-3.5" /> Remove
      </Button>
      {open === 'edit' ? (
        <PruneJobDialog target={{ mode: 'edit', id: row.id, store: row.store }} onClose={() => setOpen(null)} />
      ) : null}
      {open === 'remove' ? <RemoveJobDialog id={row.id} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

/** Edit and remove, disabled with what PBS requires, where the user may not change the job. */
function RefusedEditRemove({ what, reason }: { what: string; reason: string }) {
  return (
    <>
      <RefusedButton size="sm" variant="ghost" aria-label={`Edit ${what}`} reason={reason}>
        <Pencil aria-hidden className="size-3.5" /> Edit
      </RefusedButton>
      <RefusedButton size="sm" variant="ghost" aria-label={`Remove ${what}`} reason={reason}>
        <Trash2 aria-hidden className="size-3.5" /> Remove
      </RefusedButton>
    </>
  );
}

/**
 * Per-kind actions of a jobs-table row: verify and prune jobs and GC schedules are edited here, and shown disabled
 * with what PBS requires where the user may not (a GC row then also links to the datastore's summary, which shows
 * the schedule); sync jobs are only listed and run.
 */
export function JobRowActions({ row }: { row: JobRow }) {
  const [, setParams] = useSearchParams();
  const user = useSession()?.username ?? '';
  const { known, edit } = useJobAccess(row);
  switch (row.kind) {
    case 'gc':
      if (!known) return null;
      if (edit.offered) return <EditGcScheduleButton store={row.store} />;
      return (
        <>
          <RefusedButton
            size="sm"
            variant="ghost"
            aria-label={`Edit garbage collection schedule of ${row.store}`}
            reason={edit.reason}
          >
            <Pencil aria-hidden className="size-3.5" /> Edit
          </RefusedButton>
          <Link
            to={`/datastores/${encodeURIComponent(row.store)}`}
            aria-label={`Garbage collection schedule of ${row.store}`}
            className="text-xs"
          >
            Schedule
          </Link>
        </>
      );
    case 'prune':
      if (!known) return null;
      return edit.offered ? (
        <PruneActions row={row} />
      ) : (
        <RefusedEditRemove what={`prune job ${row.id}`} reason={edit.reason} />
      );
    case 'sync':
      return null;
    case 'verify':
      return (
        <>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Runs of verify job ${row.id}`}
            onClick={() => setParams((p) => ({ ...Object.fromEntries(p), history: `${row.store}:${row.id}` }))}
          >
            <History aria-hidden className="size-3.5" /> Runs
          </Button>
          {!known ? null : edit.offered ? (
            <>
              <EditVerifyJobButton id={row.id} authId={user} />
              <DeleteVerifyJobButton id={row.id} store={row.store} />
            </>
          ) : (
            <RefusedEditRemove what={`verify job ${row.id}`} reason={edit.reason} />
          )}
        </>
      );
  }
}
