/*
 * What the hostile-data spec checks at every stop, and where it expects each field on screen.
 *
 * PwnedWatch: whether anything of the corpus ran. A payload that runs sets `window.__pwned` or loads `/__pwned?<id>`;
 * the page is read at every stop (a navigation would clear the window), and every request of the browser context
 * (frames, popups and workers included) is watched.
 *
 * Shown text: what the page shows as text (innerText, which leaves out hidden elements and markup that was parsed as
 * HTML, plus the options of selects). A payload counts as shown where its `shown` part is found in it.
 */
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { HOSTILE_CORPUS, type HostileField, type HostilePayload } from '../../src/mocks/sim/hostile-corpus';

export class PwnedWatch {
  /** what ran, each with the step it happened on */
  readonly found: string[] = [];
  private where = 'start';

  constructor(context: BrowserContext) {
    context.on('request', (r) => {
      if (r.url().includes('/__pwned')) this.found.push(`${this.where}: request ${r.url()}`);
    });
  }

  at(where: string) {
    this.where = where;
  }

  /** Reads `window.__pwned` in the page and in its frames. */
  async check(page: Page) {
    for (const frame of page.frames()) {
      const value = await frame
        .evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)
        .catch(() => undefined);
      if (value !== undefined) this.found.push(`${this.where}: window.__pwned = ${JSON.stringify(value)}`);
    }
  }
}

export const screenText = (page: Page) =>
  page.evaluate(() =>
    [document.body.innerText, ...[...document.querySelectorAll('option')].map((o) => o.textContent ?? '')].join('\n'),
  );

export const shownIn = (text: string, payloads: readonly HostilePayload[] = HOSTILE_CORPUS) =>
  payloads.filter((p) => text.includes(p.shown)).map((p) => p.id);

/** A view where payloads of a field must be shown as text; `ids` omitted: every payload of the field. */
export interface Expected {
  view: string;
  field: HostileField;
  ids?: string[];
}

/** The payloads `e` expects. */
export const expectedPayloads = (e: Expected) =>
  HOSTILE_CORPUS.filter((p) => p.field === e.field && (e.ids === undefined || e.ids.includes(p.id)));

/**
 * At a stop named `view`: waits until every payload expected there (of `only`, where given: a view shown in steps)
 * is shown, then adds what is to `seen` (a missing one fails the test, named), and checks that nothing ran.
 */
export async function inspectStop(
  page: Page,
  view: string,
  expected: readonly Expected[],
  pwned: PwnedWatch,
  seen: Map<string, string[]>,
  only?: readonly string[],
) {
  const want = expected
    .filter((e) => e.view === view)
    .flatMap(expectedPayloads)
    .filter((p) => only === undefined || only.includes(p.id));
  if (want.length > 0)
    await expect
      .poll(
        async () => {
          const text = await screenText(page);
          return want.filter((p) => !text.includes(p.shown)).map((p) => p.id);
        },
        { message: `payloads not shown as text in ${view}` },
      )
      .toEqual([]);
  seen.set(view, [...new Set([...(seen.get(view) ?? []), ...shownIn(await screenText(page))])]);
  await pwned.check(page);
}
