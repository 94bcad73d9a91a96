/*
 * What the crawl checks at each page and dialog besides the Content Security Policy: axe-core's serious and critical
 * findings, sideways scrolling on a 360 px wide phone, and that keyboard focus goes into a dialog and comes back to
 * the control that opened it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

export const PHONE_WIDTH = 360;

/** axe-core's serious and critical findings on the page, or inside `within` (a CSS selector) only. */
export async function axeFindings(page: Page, within?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (within) builder = builder.include(within);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} [${v.impact}]: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * At a phone's width: does the page scroll sideways, or does an open dialog stick out of the screen or scroll
 * sideways itself? The culprits are named by the deepest elements reaching past the right edge. The viewport is put
 * back as it was.
 */
export async function sidewaysAtPhoneWidth(page: Page, dialog?: Locator): Promise<string[]> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: PHONE_WIDTH, height: 740 });
  try {
    const handle = dialog ? await dialog.elementHandle() : null;
    const measure = (settleMs: number) =>
      page.evaluate(
        async ([box, ms]) => {
          // charts and virtual lists size themselves from a ResizeObserver, a moment after the resize
          await new Promise((r) => setTimeout(r, ms));
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const width = window.innerWidth;
          const name = (el: Element) => {
            const label = el.getAttribute('aria-label') ?? el.getAttribute('data-testid');
            const cls = typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 3).join('.') : '';
            return `${el.tagName.toLowerCase()}${label ? `[${label}]` : ''}${cls ? `.${cls}` : ''}`;
          };
          const past = (root: Element) => {
            const over = [...root.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 1);
            // the deepest ones: no child of theirs also reaches past the edge
            return over
              .filter((el) => !over.some((o) => o !== el && el.contains(o)))
              .slice(0, 3)
              .map(name);
          };
          const found: string[] = [];
          const doc = document.scrollingElement ?? document.documentElement;
          if (doc.scrollWidth > width + 1)
            found.push(`the page is ${doc.scrollWidth} px wide: ${past(document.body).join(', ')}`);
          if (box) {
            const r = box.getBoundingClientRect();
            if (r.left < -1 || r.right > width + 1)
              found.push(`the dialog spans ${Math.round(r.left)}..${Math.round(r.right)} px: ${past(box).join(', ')}`);
            for (const el of [box, ...box.querySelectorAll('*')]) {
              const style = getComputedStyle(el);
              if (
                el.scrollWidth > el.clientWidth + 1 &&
                /(auto|scroll)/.test(style.overflowX) &&
                el.clientWidth >= width - 80
              )
                found.push(`${name(el)} in the dialog scrolls sideways (${el.scrollWidth} px in ${el.clientWidth} px)`);
            }
          }
          return found;
        },
        [handle, settleMs] as const,
      );
    const first = await measure(0);
    // only what is still there once the page had time to lay itself out anew
    return first.length === 0 ? first : await measure(750);
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/**
 * Follows keyboard focus: the control focused last outside any dialog or popup menu when focus entered a dialog is
 * its opener (a menu's item hands focus back to the menu's button first). After the dialog closes, focus must be
 * there again: the same element, or one named the same when the view drew it anew.
 */
export class FocusWatch {
  private constructor() {}

  static async on(page: Page): Promise<FocusWatch> {
    await page.addInitScript(() => {
      const MODAL = '[role="dialog"],[role="alertdialog"]';
      const POPUP = '[role="menu"],[role="listbox"]';
      const w = window as unknown as {
        __focusWatch: { opener: Element | null; entered: boolean; last: Element | null };
      };
      w.__focusWatch = { opener: null, entered: false, last: null };
      document.addEventListener(
        'focusin',
        (e) => {
          const t = e.target;
          if (!(t instanceof Element)) return;
          const state = w.__focusWatch;
          if (t.closest(MODAL)) {
            if (!state.entered) {
              state.entered = true;
              state.opener = state.last;
            }
          } else if (!t.closest(POPUP)) {
            state.last = t;
          }
        },
        true,
      );
    });
    return new FocusWatch();
  }

  /** Call while the dialog is open: null, or why focus is not in it. */
  async entered(page: Page): Promise<string | null> {
    const entered = await page.evaluate(
      () => (window as unknown as { __focusWatch: { entered: boolean } }).__focusWatch.entered,
    );
    return entered ? null : 'focus did not move into the dialog';
  }

  /**
   * Call once the dialog is gone: null, or where focus is instead of the opener. A dialog gives focus back as it
   * finishes closing, so this waits up to `ms` for it. Starts over for the next one.
   */
  async returned(page: Page, ms = 2_000): Promise<string | null> {
    const started = Date.now();
    for (;;) {
      const why = await this.whereFocusIs(page);
      if (why === null || Date.now() - started > ms) {
        await page.evaluate(() => {
          const state = (window as unknown as { __focusWatch: { opener: Element | null; entered: boolean } })
            .__focusWatch;
          state.entered = false;
          state.opener = null;
        });
        return why;
      }
      await page.waitForTimeout(100);
    }
  }

  private async whereFocusIs(page: Page): Promise<string | null> {
    return page.evaluate(() => {
      const state = (window as unknown as { __focusWatch: { opener: Element | null; entered: boolean } }).__focusWatch;
      const describe = (el: Element | null) => {
        if (!el || el === document.body) return 'nothing (the page body)';
        const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 60);
        return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${label}"`;
      };
      const { opener } = state;
      const active = document.activeElement;
      if (!opener) return null; // opened without a focused control (a route that opens it, an ended session)
      if (active === opener) return null;
      if (!opener.isConnected && active && describe(active) === describe(opener)) return null;
      return `focus went to ${describe(active)}, not back to ${describe(opener)}`;
    });
  }
}
