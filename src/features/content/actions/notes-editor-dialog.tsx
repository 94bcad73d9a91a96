import { lazy, Suspense, useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Tabs } from '@/components/ui/tabs';
import { DialogButtons } from './dialog-buttons';

// marked and DOMPurify load only when notes are shown
const Markdown = lazy(() => import('@/components/ui/markdown').then((m) => ({ default: m.Markdown })));

interface NotesEditorDialogProps {
  title: string;
  initial: string;
  isOpen: boolean;
  onClose: () => void;
  onSave: (notes: string) => void;
  saving: boolean;
  error: Error | null;
}

/** Markdown notes with a preview rendered exactly as the notes will be shown (sanitized). */
export function NotesEditorDialog({ title, initial, isOpen, onClose, onSave, saving, error }: NotesEditorDialogProps) {
  const [text, setText] = useState(initial);
  return (
    <Dialog title={title} isOpen={isOpen} onOpenChange={(open) => !open && onClose()}>
      <Tabs
        label="Notes editor"
        items={[
          {
            id: 'write',
            label: 'Write',
            content: (
              <label className="block text-sm">
                <span className="mb-1 block text-neutral-700 dark:text-neutral-300">
                  Notes (Markdown; the first line is the comment)
                </span>
                <textarea
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  rows={8}
                  className="w-full rounded-md border border-neutral-300 bg-white p-2 font-mono text-sm dark:border-neutral-600 dark:bg-neutral-950"
                />
              </label>
            ),
          },
          {
            id: 'preview',
            label: 'Preview',
            content: (
              <div className="max-h-64 min-h-24 overflow-auto rounded-md border border-neutral-200 p-2 dark:border-neutral-700">
                <Suspense fallback={<p className="text-sm">Loading preview…</p>}>
                  {text.trim() ? (
                    <Markdown source={text} />
                  ) : (
                    <p className="text-sm text-neutral-600 dark:text-neutral-400">No notes.</p>
                  )}
                </Suspense>
              </div>
            ),
          },
        ]}
      />
      {error ? <ErrorState className="mt-3" title="The notes were not saved" message={error.message} /> : null}
      <DialogButtons
        onCancel={onClose}
        confirm={{ label: saving ? 'Saving…' : 'Save notes', disabled: saving, onPress: () => onSave(text) }}
      />
    </Dialog>
  );
}
