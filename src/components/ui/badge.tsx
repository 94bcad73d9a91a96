import { cva, type VariantProps } from 'class-variance-authority';
import type { HTMLAttributes } from 'react';
import { cn } from './cn';

export const badgeVariants = cva('inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium', {
  variants: {
    tone: {
      neutral: 'bg-neutral-100 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200',
      ok: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200',
      warning: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
      error: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
      info: 'bg-accent-100 text-accent-900 dark:bg-accent-950 dark:text-accent-200',
    },
  },
  defaultVariants: { tone: 'neutral' },
});

export type Tone = NonNullable<VariantProps<typeof badgeVariants>['tone']>;

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & VariantProps<typeof badgeVariants>;

export function Badge({ className, tone, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
