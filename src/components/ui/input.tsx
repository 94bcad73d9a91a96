import type { InputHTMLAttributes, Ref } from 'react';
import { cn } from './cn';
import { controlVariants, useFieldControl, type ControlSize } from './field-control';

export interface InputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> {
  ref?: Ref<HTMLInputElement>;
  /** outside a Field; inside one the field's size applies */
  size?: ControlSize;
}

/** A text-like input; inside a Field it is labelled and described by it. */
export function Input({ className, size, ...props }: InputProps) {
  const { size: fieldSize, ...control } = useFieldControl(props);
  return <input className={cn(controlVariants({ size: fieldSize ?? size }), className)} {...control} />;
}
