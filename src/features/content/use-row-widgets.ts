import { useEffect, type RefObject } from 'react';

const WIDGETS = 'button, a[href], input, select, textarea, [tabindex]:not([role="row"])';

function isRow(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && el.getAttribute('role') === 'row';
}

/**
 * Keeps the buttons and links inside rows (the action menus) out of the page's Tab order, so Tab leaves the
 * treegrid instead of walking every row: the focused row is the way in, then Tab and Shift+Tab move among
 * that row's own widgets, and Escape goes back to the row (WAI-ARIA treegrid pattern).
 */
export function useRowWidgets(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const demote = () => {
      root.querySelectorAll<HTMLElement>(`[role="row"] :is(${WIDGETS})`).forEach((el) => {
        if (el.tabIndex !== -1) el.tabIndex = -1;
      });
    };
    demote();
    const observer = new MutationObserver(demote);
    observer.observe(root, { childList: true, subtree: true });

    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const row = target.closest('[role="row"]');
      if (!isRow(row) || !root.contains(row)) return;
      const widgets = [...row.querySelectorAll<HTMLElement>(WIDGETS)].filter((el) => !el.hasAttribute('disabled'));
      const at = target === row ? -1 : widgets.indexOf(target);
      if (e.key === 'Escape' && target !== row) {
        e.preventDefault();
        row.focus();
      } else if (e.key === 'Tab' && !e.shiftKey && at + 1 < widgets.length) {
        e.preventDefault();
        widgets[at + 1]?.focus();
      } else if (e.key === 'Tab' && e.shiftKey && at >= 0) {
        e.preventDefault();
        (at > 0 ? widgets[at - 1] : row)?.focus();
      }
    };
    root.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      root.removeEventListener('keydown', onKeyDown);
    };
  }, [ref]);
}
