import { TriangleAlert } from 'lucide-react';
import type { ItemError } from '@/lib/item-error';
import { cn } from './cn';
import { FreeText } from './free-text';

interface ItemProblemProps {
  error: ItemError;
  /** what the item is, for the first words: "Cannot show snapshot vm/100" */
  what: string;
  /** where the list is, when the page shows several (`store1, namespace prod`) */
  where?: string;
  className?: string;
}

/**
 * One item of a list the server sent that the console cannot read, in its place in the list: what it is
 * (by its name where that part is readable) and which field is wrong. The rest of the list shows as usual.
 */
export function ItemProblem({ error, what, where, className }: ItemProblemProps) {
  return (
    <span className={cn('flex min-w-0 items-start gap-1.5 text-sm text-red-900 dark:text-red-200', className)}>
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span className="min-w-0 break-words">
        <span className="font-medium">
          Cannot show {what}
          {error.label !== undefined ? (
            <>
              {' '}
              <FreeText text={error.label} max={80} />
            </>
          ) : null}
          {where !== undefined ? (
            <>
              {' '}
              (<FreeText text={where} max={120} />)
            </>
          ) : null}
          :
        </span>{' '}
        <FreeText text={error.message} />
      </span>
    </span>
  );
}
