import type { Ref, SelectHTMLAttributes } from 'react';
import { cn } from './cn';
import { controlVariants, useFieldControl, type ControlSize } from './field-control';

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size'> {
  ref?: Ref<HTMLSelectElement>;
  /** outside a Field; inside one the field's size applies */
  size?: ControlSize;
}

/** The browser's own select (native on phones, searchable by typing); inside a Field it is labelled and described by it. */
export function Select({ className, size, ...props }: SelectProps) {
  const { size: fieldSize, ...control } = useFieldControl(props);
  return <select className={cn(controlVariants({ size: fieldSize ?? size }), className)} {...control} />;
}
