import { useMutation, useQuery } from '@tanstack/react-query';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { contentActionQueries, contentMutations, type GroupTarget } from './actions-api';
import { DialogButtons } from './dialog-buttons';
import { groupName } from './names';
import { NotesEditorDialog } from './notes-editor-dialog';

/** Loads a group's full notes (the list only has the first line as its comment), then edits them. */
export function GroupNotesDialog({ target, onClose }: { target: GroupTarget; onClose: () => void }) {
  const notes = useQuery(contentActionQueries.groupNotes(target));
  const save = useMutation(contentMutations.setGroupNotes());
  if (notes.error) {
    return (
      <Dialog title={`Notes of group ${groupName(target)}`} isOpen onOpenChange={(open) => !open && onClose()}>
        <ErrorState title="Notes could not be loaded" message={notes.error.message} />
        <DialogButtons onCancel={onClose} cancelLabel="Close" />
      </Dialog>
    );
  }
  if (!notes.isSuccess) return null;
  return (
    <NotesEditorDialog
      title={`Notes of group ${groupName(target)}`}
      initial={notes.data}
      isOpen
      onClose={onClose}
      saving={save.isPending}
      error={save.error}
      onSave={(value) => save.mutate({ ...target, notes: value }, { onSuccess: onClose })}
    />
  );
}
