import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { ArrowDownToLine } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { FreeText } from '@/components/ui/free-text';
import { logLineTone, type LineTone, type LogLine } from './log-merge';

/*
 * Up to PLAIN_MAX lines are plain DOM, so the browser's find works on them; longer logs are
 * virtualized and keep a few dozen rows in the DOM whatever their length. While the reader sits at
 * the bottom the view follows new lines, like `tail -f`; scrolling up stops that.
 */
const PLAIN_MAX = 1_000;
const ROW_ESTIMATE = 18;
/** A line longer than this is cut on screen (the download keeps it whole). */
const LINE_MAX = 5_000;

const toneClass: Record<Exclude<LineTone, null>, string> = {
  error: 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-100',
  warning: 'bg-amber-50 text-amber-900 dark:bg-amber-950/60 dark:text-amber-100',
};

const Row = memo(function Row({ line }: { line: LogLine }) {
  const tone = line.problem !== undefined ? 'error' : logLineTone(line.t);
  return (
    <>
      <span aria-hidden className="w-12 shrink-0 text-right text-neutral-500 select-none">
        {line.n}
      </span>
      <span className={cn('min-w-0 flex-1 whitespace-pre-wrap break-all', tone && toneClass[tone])}>
        {line.problem !== undefined ? (
          <span className="font-sans italic">Cannot show this line: {line.problem}</span>
        ) : (
          <FreeText text={line.t} max={LINE_MAX} />
        )}
      </span>
    </>
  );
});

export function TaskLogLines({ lines }: { lines: LogLine[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const virtual = lines.length > PLAIN_MAX;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoized, and need not be
  const virtualizer = useVirtualizer({
    count: virtual ? lines.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 20,
  });

  useLayoutEffect(() => {
    if (!following || lines.length === 0) return;
    if (virtual) virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
    else if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, [following, lines.length, virtual, virtualizer]);

  // Only the reader scrolling up stops following: scrolling to the end while rows are still being
  // measured passes through positions short of the bottom, and must not.
  const lastTop = useRef(0);
  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 2 * ROW_ESTIMATE;
    if (atBottom) setFollowing(true);
    else if (el.scrollTop < lastTop.current) setFollowing(false);
    lastTop.current = el.scrollTop;
  }

  const rowClass = 'flex gap-3 px-1';
  return (
    <>
      <div
        ref={scroller}
        role="region"
        aria-label="Task log lines"
        // A scrolling region must be reachable by keyboard to be read (WCAG 2.1.1), hence the tab stop.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        onScroll={onScroll}
        className={cn(
          'overflow-auto rounded bg-neutral-50 py-2 font-mono text-xs leading-[18px] dark:bg-neutral-950',
          virtual ? 'h-[60vh]' : 'max-h-[60vh]',
        )}
      >
        {virtual ? (
          <ol className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const line = lines[item.index];
              if (!line) return null;
              return (
                <li
                  key={line.n}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  aria-posinset={line.n}
                  aria-setsize={lines.length}
                  className={cn(rowClass, 'absolute top-0 left-0 w-full')}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <Row line={line} />
                </li>
              );
            })}
          </ol>
        ) : (
          <ol>
            {lines.map((line) => (
              <li key={line.n} className={rowClass}>
                <Row line={line} />
              </li>
            ))}
          </ol>
        )}
      </div>
      {!following ? (
        <Button size="sm" variant="ghost" className="mt-1" onClick={() => setFollowing(true)}>
          <ArrowDownToLine aria-hidden className="size-3.5" />
          Jump to the end and follow
        </Button>
      ) : null}
    </>
  );
}
