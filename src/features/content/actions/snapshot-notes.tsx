import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import type { SnapshotItem } from '@/api/schemas/content';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { contentActionQueries } from './actions-api';
import { LazyMarkdown } from './lazy-markdown';
import { snapshotTarget } from './names';
import { NotesDialog } from './notes-dialog';
import { offer, usePermissionsAt, type ContentPermissions } from './permissions';

export interface SnapshotNotesProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;
  snapshot: SnapshotItem;
}

/** A snapshot's notes as sanitized Markdown, and their editor for those who may change them. */
export function SnapshotNotes({ store, ns, permissions: base, snapshot }: SnapshotNotesProps) {
  const permissions = usePermissionsAt(base, ns);
  const target = snapshotTarget(store, ns, snapshot);
  const notes = useQuery(contentActionQueries.notes(target));
  const [editing, setEditing] = useState(false);
  const text = notes.data ?? '';
  return (
    <section aria-label="Notes" className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Notes</h3>
        {offer(permissions, 'snapshotNotes', snapshot.owner).offered && notes.isSuccess ? (
          <Button size="sm" onClick={() => setEditing(true)}>
            Edit notes
          </Button>
        ) : null}
      </div>
      {notes.error ? <ErrorState title="Notes could not be loaded" message={notes.error.message} /> : null}
      {notes.isPending ? <p className="text-sm">Loading notes…</p> : null}
      {notes.isSuccess && text.trim() === '' ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No notes.</p>
      ) : null}
      {text.trim() !== '' ? (
        <Suspense fallback={<p className="text-sm">Loading notes…</p>}>
          <LazyMarkdown source={text} />
        </Suspense>
      ) : null}
      {editing ? <NotesDialog target={target} onClose={() => setEditing(false)} /> : null}
    </section>
  );
}
