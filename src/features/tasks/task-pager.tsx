import { Button } from '@/components/ui/button';

interface TaskPagerProps {
  start: number;
  shown: number;
  hasNext: boolean;
  pageSize: number;
  onStart: (start: number) => void;
}

/** Previous/next over PBS's task list, which says whether more follow but not how many. */
export function TaskPager({ start, shown, hasNext, pageSize, onStart }: TaskPagerProps) {
  return (
    <nav aria-label="Task pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="text-neutral-700 dark:text-neutral-300">
        {shown === 0 ? 'No tasks on this page' : `Tasks ${start + 1}–${start + shown}`}
        {hasNext ? ', more follow' : ''}
      </span>
      <span className="flex gap-2">
        <Button size="sm" disabled={start === 0} onClick={() => onStart(Math.max(0, start - pageSize))}>
          Previous page
        </Button>
        <Button size="sm" disabled={!hasNext} onClick={() => onStart(start + pageSize)}>
          Next page
        </Button>
      </span>
    </nav>
  );
}
