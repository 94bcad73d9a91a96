import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface DialogProps {
  title: ReactNode;
  children: ReactNode;
  isOpen: boolean;
  onOpenChange?: (open: boolean) => void;
  /** A dialog the user must answer (re-login) cannot be dismissed by Escape or a click outside. */
  dismissable?: boolean;
  role?: 'dialog' | 'alertdialog';
}

export function Dialog({ title, children, isOpen, onOpenChange, dismissable = true, role = 'dialog' }: DialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={dismissable}
      isKeyboardDismissDisabled={!dismissable}
      className="fixed inset-0 z-50 flex items-center justify-center bg-neutral-950/50 p-4 backdrop-blur-[1px]"
    >
      <Modal className="max-h-[calc(100dvh-2rem)] w-full max-w-md overflow-y-auto rounded-lg border border-neutral-200 bg-white shadow-lg dark:border-neutral-700 dark:bg-neutral-900">
        <AriaDialog role={role} className="p-5 outline-none">
          <Heading slot="title" className="mb-4 text-lg font-semibold text-neutral-900 dark:text-neutral-100">
            {title}
          </Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
