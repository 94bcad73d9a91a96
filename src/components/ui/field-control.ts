import { cva } from 'class-variance-authority';
import { createContext, useContext } from 'react';

/*
 * Plain elements, not react-aria-components' TextField: the login page's fields are in the console's entry
 * chunk, and react-aria's field hooks add about 12 KB gzip to it (measured: 160.8 KB against a 150 KB budget).
 * The wiring is the same: a real <label>, aria-describedby to the description or error, aria-invalid.
 */

export type ControlSize = 'md' | 'sm';

/** What a Field tells the control inside it. */
export interface FieldState {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  size: ControlSize;
}

export const FieldContext = createContext<FieldState | null>(null);

export const labelVariants = cva('', {
  variants: {
    size: {
      md: 'text-sm font-medium',
      sm: 'text-xs font-medium text-neutral-700 dark:text-neutral-300',
    },
  },
  defaultVariants: { size: 'md' },
});

export const controlVariants = cva(
  'min-w-0 rounded-md border border-neutral-300 bg-white text-sm text-neutral-900 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-red-600 dark:border-neutral-600 dark:bg-neutral-800 dark:text-neutral-100 dark:aria-invalid:border-red-400',
  {
    variants: {
      size: { md: 'h-9 px-2.5', sm: 'h-8 px-2', area: 'p-2' },
    },
    defaultVariants: { size: 'md' },
  },
);

interface ControlAria {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false' | 'grammar' | 'spelling';
}

/** The id, descriptions and validity a control takes from the Field around it; what the control is given itself wins. */
export function useFieldControl<P extends ControlAria>(props: P): P & { size: ControlSize | undefined } {
  const field = useContext(FieldContext);
  const describedBy = [field?.describedBy, props['aria-describedby']].filter(Boolean).join(' ');
  return {
    ...props,
    id: props.id ?? field?.id,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': props['aria-invalid'] ?? (field?.invalid ? true : undefined),
    size: field?.size,
  };
}
