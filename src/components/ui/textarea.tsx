import type { Ref, TextareaHTMLAttributes } from 'react';
import { cn } from './cn';
import { controlVariants, useFieldControl } from './field-control';

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  ref?: Ref<HTMLTextAreaElement>;
}

/** Several lines of text; inside a Field it is labelled and described by it. */
export function Textarea({ className, ...props }: TextareaProps) {
  const { size: _size, ...control } = useFieldControl(props);
  return <textarea className={cn(controlVariants({ size: 'area' }), className)} {...control} />;
}
