import { useMutation, useQuery } from '@tanstack/react-query';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { contentActionQueries, contentMutations, type SnapshotTarget } from './actions-api';
import { DialogButtons } from './dialog-buttons';
import { snapshotName } from './names';
import { NotesEditorDialog } from './notes-editor-dialog';

/** Loads a snapshot's full notes (the list only has the first line), then edits them. */
export function SnapshotNotesDialog({ target, onClose }: { target: SnapshotTarget; onClose: () => void }) {
  const notes = useQuery(contentActionQueries.notes(target));
  const save = useMutation(contentMutations.setNotes());
  if (notes.error) {
    return (
      <Dialog title={`Notes of ${snapshotName(target)}`} isOpen onOpenChange={(open) => !open && onClose()}>
        <ErrorState title="Notes could not be loaded" message={notes.error.message} />
        <DialogButtons onCancel={onClose} cancelLabel="Close" />
      </Dialog>
    );
  }
  if (!notes.isSuccess) return null;
  return (
    <NotesEditorDialog
      title={`Notes of ${snapshotName(target)}`}
      initial={notes.data}
      isOpen
      onClose={onClose}
      saving={save.isPending}
      error={save.error}
      onSave={(value) => save.mutate({ ...target, notes: value }, { onSuccess: onClose })}
    />
  );
}
