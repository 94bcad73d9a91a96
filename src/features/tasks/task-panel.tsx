import { X } from 'lucide-react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '@/components/ui/button';
import { TaskViewer } from './task-viewer';

interface TaskPanelProps {
  upid: string;
  user: string;
  canStopAny: boolean;
  onClose: () => void;
}

/** A task's viewer as a side panel over the page it was opened from; Escape or a click outside closes it. */
export function TaskPanel({ upid, user, canStopAny, onClose }: TaskPanelProps) {
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="fixed inset-0 z-40 flex justify-end bg-neutral-950/40"
    >
      <Modal className="h-full w-full max-w-4xl overflow-y-auto border-l border-neutral-200 bg-white shadow-xl dark:border-neutral-700 dark:bg-neutral-900">
        <Dialog aria-labelledby="task-panel-title" className="p-4 outline-none md:p-6">
          <TaskViewer
            key={upid}
            upid={upid}
            titleAs="h1"
            titleId="task-panel-title"
            user={user}
            canStopAny={canStopAny}
            close={
              <Button variant="ghost" size="icon" aria-label="Close task" onClick={onClose}>
                <X aria-hidden className="size-5" />
              </Button>
            }
          />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
