import { Button } from '@/components/ui/button';

interface DialogButtonsProps {
  onCancel: () => void;
  /** the confirming button; left out when there is nothing left to confirm */
  confirm?: { label: string; onPress: () => void; disabled?: boolean; danger?: boolean };
  cancelLabel?: string;
}

export function DialogButtons({ onCancel, confirm, cancelLabel = 'Cancel' }: DialogButtonsProps) {
  return (
    <div className="mt-4 flex flex-wrap justify-end gap-2">
      <Button onClick={onCancel}>{cancelLabel}</Button>
      {confirm ? (
        <Button variant={confirm.danger ? 'danger' : 'primary'} disabled={confirm.disabled} onClick={confirm.onPress}>
          {confirm.label}
        </Button>
      ) : null}
    </div>
  );
}
