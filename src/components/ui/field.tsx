import { cva, type VariantProps } from 'class-variance-authority';
import { useId, type ReactNode } from 'react';
import { cn } from './cn';
import { FieldContext, labelVariants, type ControlSize } from './field-control';
import { FieldNote } from './field-note';

const fieldVariants = cva('flex text-sm', {
  variants: {
    layout: {
      /** label above, the control as wide as the field */
      stack: 'flex-col gap-1',
      /** label beside the control, for toolbars */
      inline: 'items-center gap-2',
    },
  },
  defaultVariants: { layout: 'stack' },
});

interface FieldProps extends VariantProps<typeof fieldVariants> {
  label: ReactNode;
  /** a hint under the control */
  description?: ReactNode;
  /** what is wrong with the value; while it stands the control is invalid and it takes the description's place */
  error?: ReactNode;
  /** 'sm' for toolbars and filters: a smaller label and control */
  size?: ControlSize;
  /** one Input, Select or Textarea, with whatever sits beside it */
  children: ReactNode;
  className?: string;
}

/** A labelled control with its description or error, wired for assistive technology. */
export function Field({ label, description, error, size = 'md', layout, children, className }: FieldProps) {
  const id = useId();
  const noteId = error || description ? `${id}-note` : undefined;
  return (
    <div className={cn(fieldVariants({ layout }), className)}>
      <label htmlFor={id} className={labelVariants({ size })}>
        {label}
      </label>
      <FieldContext value={{ id, describedBy: noteId, invalid: Boolean(error), size }}>{children}</FieldContext>
      <FieldNote id={`${id}-note`} error={error} description={description} />
    </div>
  );
}
