import { waitFor, within } from '@testing-library/react';

/**
 * The row of a treegrid (a namespace, group or snapshot: the rows with a level) whose text contains `text`, or
 * matches it, once it is there.
 */
export function treeRow(grid: HTMLElement, text: string | RegExp, timeout = 10_000): Promise<HTMLElement> {
  return waitFor(
    () => {
      const row = within(grid)
        .getAllByRole('row')
        .find(
          (r) =>
            r.hasAttribute('aria-level') &&
            (typeof text === 'string' ? r.textContent?.includes(text) : text.test(r.textContent ?? '')),
        );
      if (!row) throw new Error(`no row with ${String(text)}`);
      return row;
    },
    { timeout },
  );
}
