import { useMutation, useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Tabs } from '@/components/ui/tabs';
import { Textarea } from '@/components/ui/textarea';
import { contentActionQueries, contentMutations, type NotesTarget } from './actions-api';
import { DialogButtons } from './dialog-buttons';
import { LazyMarkdown } from './lazy-markdown';
import { groupName, snapshotName } from './names';

interface NotesDialogProps {
  target: NotesTarget;
  onClose: () => void;
}

/** Edits the full notes of a snapshot or a group (lists carry only their first line, the comment). */
export function NotesDialog({ target, onClose }: NotesDialogProps) {
  return 'time' in target ? (
    <NotesLoader query={contentActionQueries.notes(target)} target={target} onClose={onClose} />
  ) : (
    <NotesLoader query={contentActionQueries.groupNotes(target)} target={target} onClose={onClose} />
  );
}

/** Opens once the notes are loaded; a failed refetch does not take the editor away. */
function NotesLoader<K extends QueryKey>({
  query,
  target,
  onClose,
}: NotesDialogProps & { query: UseQueryOptions<string, Error, string, K> }) {
  const notes = useQuery(query);
  if (notes.data === undefined && !notes.error) return null;
  return (
    <Dialog
      title={'time' in target ? `Notes of ${snapshotName(target)}` : `Notes of group ${groupName(target)}`}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      {notes.data !== undefined ? (
        <NotesEditor target={target} initial={notes.data} onClose={onClose} />
      ) : (
        <>
          <ErrorState title="Notes could not be loaded" message={notes.error?.message} />
          <DialogButtons onCancel={onClose} cancelLabel="Close" />
        </>
      )}
    </Dialog>
  );
}

/** Markdown notes with a preview rendered exactly as the notes will be shown (sanitized). */
function NotesEditor({ target, initial, onClose }: NotesDialogProps & { initial: string }) {
  const [text, setText] = useState(initial);
  const save = useMutation(contentMutations.setNotes());
  return (
    <>
      <Tabs
        label="Notes editor"
        items={[
          {
            id: 'write',
            label: 'Write',
            content: (
              <Field label="Notes (Markdown; the first line is the comment)">
                <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={8} className="font-mono" />
              </Field>
            ),
          },
          {
            id: 'preview',
            label: 'Preview',
            content: (
              <div className="max-h-64 min-h-24 overflow-auto rounded-md border border-neutral-200 p-2 dark:border-neutral-700">
                <Suspense fallback={<p className="text-sm">Loading preview…</p>}>
                  {text.trim() ? (
                    <LazyMarkdown source={text} />
                  ) : (
                    <p className="text-sm text-neutral-600 dark:text-neutral-400">No notes.</p>
                  )}
                </Suspense>
              </div>
            ),
          },
        ]}
      />
      {save.error ? (
        <ErrorState className="mt-3" title="The notes were not saved" message={save.error.message} />
      ) : null}
      <DialogButtons
        onCancel={onClose}
        confirm={{
          label: save.isPending ? 'Saving…' : 'Save notes',
          disabled: save.isPending,
          onPress: () => save.mutate({ ...target, notes: text }, { onSuccess: onClose }),
        }}
      />
    </>
  );
}
