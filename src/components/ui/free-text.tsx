import type { ReactNode } from 'react';
import { shownText } from '@/lib/free-text';

interface FreeTextProps {
  text: string;
  /** characters shown before the text is cut */
  max?: number;
  /** renders the shown text (search marks, say); plain text by default */
  children?: (shown: string) => ReactNode;
}

/**
 * Text someone else wrote, isolated from what stands beside it: `<bdi>` gives it its own direction
 * (dir=auto, unicode-bidi: isolate), so right-to-left text or an override character in a guest's name
 * reorders only that name, never the cell's other words. Control characters show as their pictures;
 * a text longer than `max` is cut and says so.
 */
export function FreeText({ text, max, children }: FreeTextProps) {
  const shown = shownText(text, max);
  return (
    <bdi>
      {children ? children(shown.text) : shown.text}
      {shown.cutFrom !== undefined ? (
        <span className="text-neutral-600 dark:text-neutral-400">
          {' '}
          … ({shown.cutFrom.toLocaleString('en')} characters)
        </span>
      ) : null}
    </bdi>
  );
}
